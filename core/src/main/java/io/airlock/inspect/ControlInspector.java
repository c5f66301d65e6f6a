package io.airlock.inspect;

import com.lmax.disruptor.EventHandler;
import io.airlock.alert.Finding;
import io.airlock.alert.Rule;
import io.airlock.codec.Codec;
import io.airlock.net.Flow;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.rtsp.RtspMessage;
import io.airlock.rtsp.TransportHeader;
import io.airlock.rtsp.VendorFingerprint;
import io.airlock.rtsp.VendorFingerprints;
import io.airlock.sdp.MediaDescription;
import io.airlock.sdp.SessionDescription;
import io.airlock.wire.Rejection;

import java.net.URI;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The control stage: reads RTSP requests and replies, and
 * <ul>
 *   <li>RTSP-01: a SETUP that sends RTP elsewhere than the requesting peer, a camera reply naming another source,
 *       a redirect to another host;</li>
 *   <li>RTSP-02: vendor fingerprints (Server header, Digest realm, SDP attributes, the IMKH media header);</li>
 *   <li>RTSP-03: SDP tracks besides the audio and video a recorder needs;</li>
 * </ul>
 * and publishes what each SETUP negotiated to the {@link SessionDirectory} for the media stage.
 */
public final class ControlInspector implements EventHandler<PacketEvent> {

    private static final int MAX_CONNECTIONS = 4096;

    private final InspectionContext context;
    private final SessionDirectory directory;
    private final String sourceName;
    private final RtspMessage message = new RtspMessage();
    private final TransportHeader transport = new TransportHeader();
    private final Map<Flow, RtspConnection> connections = new IdentityHashMap<>();
    private long messages;

    public ControlInspector(InspectionContext context, SessionDirectory directory, String sourceName) {
        this.context = context;
        this.directory = directory;
        this.sourceName = sourceName;
    }

    @Override
    public void onEvent(PacketEvent event, long sequence, boolean endOfBatch) {
        if (event.kind() != PacketKind.RTSP_MESSAGE || event.flow() == null) {
            return;
        }
        context.onEvent(event.timestampNs(), event.sourceOffset());
        Rejection r = message.wrap(event.buffer(), event.offset(), event.length());
        if (r != null) {
            context.rejections().increment(r);
            return;
        }
        messages++;
        RtspConnection conn = connection(event.flow(), message.isRequest());
        if (conn == null) {
            return;
        }
        if (message.isRequest()) {
            onRequest(conn);
        } else {
            onResponse(conn);
        }
    }

    /** RTSP messages parsed. */
    public long messages() {
        return messages;
    }

    private RtspConnection connection(Flow flow, boolean request) {
        RtspConnection conn = connections.get(flow);
        if (conn == null && flow.reverse() != null) {
            conn = connections.get(flow.reverse());
        }
        if (conn == null) {
            if (connections.size() >= MAX_CONNECTIONS) {
                return null;
            }
            // A reply with no captured request direction still names the connection, from the camera's side.
            Flow requestFlow = request || flow.reverse() == null ? flow : flow.reverse();
            conn = new RtspConnection(requestFlow, sourceName);
        }
        connections.put(flow, conn);
        return conn;
    }

    private void onRequest(RtspConnection conn) {
        String value = message.header("Transport");
        conn.request(new RtspConnection.PendingRequest(message.cseq(), message.method(), message.uri(), value));
        if ("SETUP".equalsIgnoreCase(message.method()) && value != null && parseTransport(value)) {
            String peer = conn.clientIp();
            // A client may offer several transports; the server may pick any of them.
            for (int i = 0; i < transport.specCount(); i++) {
                TransportHeader t = transport.select(i);
                if (t.destination() != null && !sameHost(t.destination(), peer)) {
                    redirection(conn, "SETUP asks for media to be sent to " + t.destination()
                            + ", not to the requesting peer " + peer, "destination", t.destination(), value);
                    return;
                }
                if (t.multicast() && !t.tcp()) {
                    redirection(conn, "SETUP requests multicast delivery", "transport", "multicast", value);
                    return;
                }
            }
        }
    }

    private void onResponse(RtspConnection conn) {
        RtspConnection.PendingRequest req = conn.answer(message.cseq());
        int status = message.statusCode();
        SessionDescription sdp = null;
        if (message.bodyLength() > 0 && isSdp()) {
            sdp = SessionDescription.parse(message.body());
            String uri = req != null ? req.uri() : null;
            conn.sdp(sdp, header("Content-Base", "Content-Location"), uri);
            extraTracks(conn, sdp);
        }
        fingerprints(conn, sdp);
        if (status >= 300 && status < 400) {
            redirect(conn);
        }
        if (req != null && "SETUP".equalsIgnoreCase(req.method()) && status >= 200 && status < 300) {
            setupReply(conn, req);
        }
    }

    private boolean isSdp() {
        String type = message.header("Content-Type");
        if (type != null) {
            return type.toLowerCase(Locale.ROOT).contains("sdp");
        }
        // Some cameras omit Content-Type on DESCRIBE replies: accept a body that starts like SDP.
        String body = message.body();
        return body.startsWith("v=0");
    }

    private String header(String first, String second) {
        String v = message.header(first);
        return v != null ? v : message.header(second);
    }

    private void setupReply(RtspConnection conn, RtspConnection.PendingRequest req) {
        String value = message.header("Transport");
        if (value == null || !parseTransport(value)) {
            return;
        }
        TransportHeader t = transport.select(0);
        TrackHint hint = hintFor(conn, req.uri());
        String camera = conn.serverIp();
        if (t.source() != null && !sameHost(t.source(), camera)) {
            redirection(conn, "camera reply names source " + t.source() + " instead of its own address " + camera,
                    "source", t.source(), value);
        }
        if (t.destination() != null && !t.tcp() && !sameHost(t.destination(), conn.clientIp())) {
            redirection(conn, "camera reply sends media to " + t.destination() + ", not to the client "
                    + conn.clientIp(), "destination", t.destination(), value);
        }
        if (t.tcp() && t.interleavedLow() >= 0) {
            directory.interleaved(conn.requestFlow(), t.interleavedLow(), hint);
        } else {
            if (t.clientPortLow() > 0) {
                directory.udpEndpoint(conn.clientIp(), t.clientPortLow(), hint);
            }
            if (t.serverPortLow() > 0) {
                directory.udpEndpoint(camera, t.serverPortLow(), hint);
            }
        }
    }

    /** Matches a SETUP URL to an SDP media section: by resolved control URL, else by order of SETUPs. */
    private TrackHint hintFor(RtspConnection conn, String setupUri) {
        SessionDescription sdp = conn.sdp();
        int setupIndex = conn.nextSetupIndex();
        if (sdp == null || sdp.media().isEmpty()) {
            return new TrackHint(sourceName, setupIndex, "video", null, Codec.UNKNOWN, -1, 90_000);
        }
        List<MediaDescription> media = sdp.media();
        int chosen = -1;
        for (int i = 0; i < media.size() && chosen < 0; i++) {
            String url = SessionDescription.resolveControl(conn.base(), sdp.control(), media.get(i).control());
            if (url != null && setupUri != null && stripSlash(url).equals(stripSlash(setupUri))) {
                chosen = i;
            }
        }
        for (int i = 0; i < media.size() && chosen < 0; i++) {
            String control = media.get(i).control();
            if (control != null && setupUri != null && !control.isEmpty() && setupUri.contains(control)) {
                chosen = i;
            }
        }
        if (chosen < 0) {
            chosen = Math.min(setupIndex, media.size() - 1);
        }
        MediaDescription m = media.get(chosen);
        return new TrackHint(sourceName, chosen, m.type(), m.encodingName(), Codec.fromEncodingName(m.encodingName()),
                m.payloadType(), m.clockRate() > 0 && m.clockRate() < Integer.MAX_VALUE ? (int) m.clockRate() : 90_000);
    }

    private boolean parseTransport(String value) {
        Rejection r = transport.parse(value);
        if (r != null || transport.specCount() == 0) {
            if (r != null) {
                context.rejections().increment(r);
            }
            return false;
        }
        return true;
    }

    private void extraTracks(RtspConnection conn, SessionDescription sdp) {
        for (MediaDescription m : sdp.media()) {
            String type = m.type() == null ? "" : m.type().toLowerCase(Locale.ROOT);
            if (!type.equals("video") && !type.equals("audio")) {
                Finding f = context.hit(Rule.RTSP_03, conn, conn.identity(), context.sourceOffset());
                if (f != null) {
                    context.report(conn, f.summary("SDP offers a " + type + " track ("
                                    + (m.encodingName() == null ? "no rtpmap" : m.encodingName()) + ")")
                            .detail("media", type).detail("encoding", m.encodingName())
                            .detail("control", m.control()));
                }
            }
        }
    }

    private void fingerprints(RtspConnection conn, SessionDescription sdp) {
        List<VendorFingerprint> found = VendorFingerprints.of(message, sdp);
        for (VendorFingerprint fp : found) {
            Finding f = context.findings().repeat(Rule.RTSP_02, conn, context.nowNs());
            if (f == null) {
                f = new Finding(Rule.RTSP_02, Rule.RTSP_02.severity(), conn.identity(), context.nowNs(),
                        context.sourceOffset());
                f.summary(fp.vendor() + " (" + fp.source() + ")");
                context.report(conn, f);
            }
            f.detail(fp.source(), fp.vendor() + ": " + fp.evidence());
        }
    }

    private void redirect(RtspConnection conn) {
        String location = message.header("Location");
        if (location == null) {
            return;
        }
        String host = hostOf(location);
        if (host == null || !sameHost(host, conn.serverIp())) {
            redirection(conn, "camera redirects (" + message.statusCode() + ") to " + location, "location", location,
                    location);
        }
    }

    private void redirection(RtspConnection conn, String summary, String key, String value, String evidence) {
        Finding f = context.hit(Rule.RTSP_01, conn, conn.identity(), context.sourceOffset());
        if (f != null) {
            context.report(conn, f.summary(summary).detail(key, value).detail("evidence", evidence));
        }
    }


    private static String hostOf(String url) {
        try {
            return URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameHost(String a, String b) {
        return a.trim().equalsIgnoreCase(b.trim());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
