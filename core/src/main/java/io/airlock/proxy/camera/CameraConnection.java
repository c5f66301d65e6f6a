package io.airlock.proxy.camera;

import io.airlock.rtsp.InterleavedFramer;
import io.airlock.rtsp.RtspFrameListener;
import io.airlock.rtsp.RtspMessage;
import io.airlock.sdp.SessionDescription;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One TCP connection to a camera and the RTSP exchange on it: OPTIONS, DESCRIBE, SETUP per audio/video track, PLAY,
 * then keep-alives; 401 answered through {@link CameraAuthenticator}, 3xx through {@link CameraRedirects}. Replies
 * are cut by {@link InterleavedFramer} and read with the tolerant {@link RtspMessage} rather than Netty's
 * RtspDecoder, because cameras are the quirky side: LF-only lines, {@code Cseq}, {@code ssrc= d6d6627}, odd
 * Content-Base forms. One request is outstanding at a time ({@link OutstandingRequest}); {@link KeepAlive} keeps the
 * session. Runs entirely on the session's event loop.
 */
final class CameraConnection extends ChannelInboundHandlerAdapter implements RtspFrameListener {

    static final int MAX_AUTH_RETRIES = 3;

    private final CameraSession owner;
    private final CameraSessionListener listener;
    private final boolean tcp;
    private final InterleavedFramer framer = new InterleavedFramer(this);
    private final RtspMessage reply = new RtspMessage();
    private final SetupReply setupReply = new SetupReply();
    private final CameraAuthenticator auth;
    private final CameraRedirects redirects;
    private final TrackRouter router;
    private final CameraPortPair[] udp = new CameraPortPair[CameraReplies.MAX_TRACKS];

    private Channel channel;
    private InetAddress cameraAddress;
    private final OutstandingRequest pending = new OutstandingRequest();
    private final KeepAlive keepAlive;

    private long streamOffset;
    private int authRetries;
    private String url;
    private String sessionUrl;
    private String sessionId;
    private SessionDescription sdp;
    private List<CameraTrack> tracks;
    private int setupIndex;
    private boolean playing;
    private boolean closed;
    private Throwable failure;
    private ScheduledFuture<?> fallbackTimer;

    CameraConnection(final CameraSession owner, final boolean tcp) {
        this.owner = owner;
        this.listener = owner.listener();
        this.tcp = tcp;
        this.auth = new CameraAuthenticator(owner.endpoint().username(), owner.endpoint().password());
        this.redirects = new CameraRedirects(owner.endpoint());
        this.router = new TrackRouter(listener);
        this.url = owner.endpoint().url();
        this.keepAlive = new KeepAlive(owner.endpoint().keepAlive().toMillis());
    }

    boolean tcp() {
        return tcp;
    }

    TrackRouter router() {
        return router;
    }

    /** The last exception that reached this handler (a bug or an I/O error), null when none. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        channel = ctx.channel();
        cameraAddress = channel.remoteAddress() instanceof InetSocketAddress isa ? isa.getAddress() : null;
        send("OPTIONS", url, null, null);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        final ByteBuf buf = (ByteBuf) msg;
        try {
            final int n = buf.readableBytes();
            framer.feed(buf, buf.readerIndex(), n, streamOffset);
            streamOffset += n;
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) {
        framer.reset();
        fail("camera closed the connection" + (playing ? " while playing" : " during " + pending.method()));
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        failure = cause;
        fail("connection error: " + cause.getClass().getSimpleName());
    }

    @Override
    public void rtspMessage(final ByteBuf buf, final int off, final int len, final boolean owned, final long so) {
        try {
            if (!closed && reply.wrap(buf, off, len) == null && !reply.isRequest()) {
                onResponse();
            }
        } finally {
            reply.reset();
            if (owned) {
                buf.release();
            }
        }
    }

    @Override
    public void interleavedFrame(final int ch, final ByteBuf buf, final int off, final int len, final boolean owned,
                                 final long so) {
        try {
            if (!closed) {
                router.interleaved(ch, buf, off, len);
            }
        } finally {
            if (owned) {
                buf.release();
            }
        }
    }

    @Override
    public void framingError(final Rejection reason, final long so, final long skippedBytes) {
        // Resynchronised on the next message or frame; the skipped bytes are counted by the framer.
    }

    /** Sends TEARDOWN when a session exists and closes, without reporting a loss. */
    void teardown() {
        if (closed) {
            return;
        }
        closed = true;
        cancelTimers();
        closeUdp();
        if (channel == null) {
            return;
        }
        if (channel.isActive() && sessionId != null) {
            channel.writeAndFlush(CameraRequests.encode(channel.alloc(), "TEARDOWN", sessionUrl, pending.unanswered(),
                    auth.authorization("TEARDOWN", sessionUrl), sessionId, null, null))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /** Ends this connection and reports the loss once. */
    void fail(final String reason) {
        if (closed) {
            return;
        }
        closed = true;
        cancelTimers();
        closeUdp();
        if (channel != null) {
            channel.close();
        }
        owner.connectionLost(this, reason);
    }

    private void onResponse() {
        listener.rtspResponse(reply);
        if (!pending.answeredBy(reply.cseq())) {
            return;
        }
        final String method = pending.answered();
        final int status = reply.statusCode();
        if (status == 401 && authRetries < MAX_AUTH_RETRIES && auth.challenge(reply.headers("WWW-Authenticate"))) {
            authRetries++;
            send(method, pending.uri(), pending.extraName(), pending.extraValue());
            return;
        }
        if (status >= 300 && status < 400 && !playing) {
            final String target = redirects.follow(reply.header("Location"), listener);
            if (target == null) {
                fail(method + " answered " + status + " " + CameraReplies.printable(reply.header("Location"))
                        + "; redirect not followed");
                return;
            }
            url = target;
            send("OPTIONS".equals(method) ? "OPTIONS" : "DESCRIBE", url, null, null);
            return;
        }
        if (status == 401) {
            fail(method + " refused: 401 Unauthorized" + (auth.hasCredentials() ? "" : " (no credentials configured)"));
            return;
        }
        if (playing) {
            final String lost = keepAlive.replied(method, status);
            if (lost != null) {
                fail(lost);
            }
            return;
        }
        if ((status < 200 || status >= 300) && !"OPTIONS".equals(method)) {
            fail(method + " failed: " + status + " " + CameraReplies.printable(reply.reasonPhrase()));
            return;
        }
        authRetries = 0;
        switch (method) {
            case "OPTIONS" -> {
                keepAlive.offered(status >= 300 || CameraReplies.allowsGetParameter(reply));
                send("DESCRIBE", url, "Accept", "application/sdp");
            }
            case "DESCRIBE" -> onDescribe();
            case "SETUP" -> onSetup();
            case "PLAY" -> onPlay();
            default -> { }
        }
    }

    private void onDescribe() {
        if (reply.bodyLength() == 0) {
            fail("DESCRIBE reply carries no SDP");
            return;
        }
        sdp = SessionDescription.parse(reply.body());
        final String base = CameraReplies.base(reply, url);
        tracks = new ArrayList<>(CameraReplies.plan(sdp, base));
        if (tracks.isEmpty()) {
            fail("SDP offers no audio or video track");
            return;
        }
        sessionUrl = CameraReplies.sessionUrl(sdp, base);
        setupIndex = 0;
        setupNext();
    }

    private void setupNext() {
        if (setupIndex == tracks.size()) {
            send("PLAY", sessionUrl, "Range", "npt=0.000-");
            return;
        }
        final int i = setupIndex;
        final String control = tracks.get(i).controlUrl();
        if (tcp) {
            send("SETUP", control, "Transport", "RTP/AVP/TCP;unicast;interleaved=" + 2 * i + "-" + (2 * i + 1));
            return;
        }
        final CameraEndpoint e = owner.endpoint();
        CameraPortPair.bind(channel.eventLoop(), owner.datagramType(), e.udpPortLow(), e.udpPortHigh(), router, i,
                pair -> {
                    if (closed) {
                        pair.close();
                        return;
                    }
                    udp[i] = pair;
                    final int p = pair.rtpPort();
                    send("SETUP", control, "Transport", "RTP/AVP;unicast;client_port=" + p + "-" + (p + 1));
                }, this::fail);
    }

    private void onSetup() {
        final String session = reply.header("Session");
        if (sessionId == null) {
            sessionId = CameraReplies.sessionId(session);
            keepAlive.sessionTimeout(CameraReplies.sessionTimeoutSeconds(session));
        }
        final int i = setupIndex;
        final CameraTrack done = setupReply.apply(reply, tracks.get(i), tcp, router, udp[i], cameraAddress,
                owner.endpoint().host(), listener);
        if (done == null) {
            fail("SETUP reply for track " + i + " has no usable " + (tcp ? "TCP" : "UDP") + " Transport");
            return;
        }
        tracks.set(i, done);
        setupIndex++;
        setupNext();
    }

    private void onPlay() {
        playing = true;
        router.startDelivering();
        listener.sessionStarted(sdp, List.copyOf(tracks));
        owner.playing(this);
        keepAlive.start(channel.eventLoop(), this::keepAlive);
        if (!tcp && owner.fallsBackToTcp()) {
            fallbackTimer = channel.eventLoop().schedule(() -> {
                if (!closed && router.totalRtpPackets() == 0) {
                    owner.udpSilent(this);
                }
            }, owner.timings().udpFallbackMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void keepAlive() {
        if (!closed && !pending.waiting()) {
            send(keepAlive.method(), sessionUrl, null, null);
        }
    }

    private void send(final String method, final String uri, final String extraName, final String extraValue) {
        if (closed) {
            return;
        }
        final int cseq = pending.begin(method, uri, extraName, extraValue);
        final String session = "OPTIONS".equals(method) && !playing || "DESCRIBE".equals(method) ? null : sessionId;
        channel.writeAndFlush(CameraRequests.encode(channel.alloc(), method, uri, cseq,
                auth.authorization(method, uri), session, extraName, extraValue));
        final long timeout = owner.timings().replyTimeoutMs();
        pending.timeout(channel.eventLoop().schedule(
                () -> fail("no reply to " + method + " within " + timeout + " ms"), timeout, TimeUnit.MILLISECONDS));
    }

    private void closeUdp() {
        router.stopDelivering();
        for (int i = 0; i < udp.length; i++) {
            if (udp[i] != null) {
                udp[i].close();
                udp[i] = null;
            }
        }
    }

    private void cancelTimers() {
        pending.cancel();
        keepAlive.cancel();
        if (fallbackTimer != null) {
            fallbackTimer.cancel(false);
        }
    }
}
