package io.airlock.inspect;

import com.lmax.disruptor.EventHandler;
import io.airlock.alert.Finding;
import io.airlock.alert.Rule;
import io.airlock.codec.Codec;
import io.airlock.codec.LengthPrefixedNalSplitter;
import io.airlock.container.imkh.MediaInfoHeader;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.Track;
import io.airlock.rtp.RtpPacket;
import io.airlock.wire.Hex;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * The media stage: resolves which stream a packet belongs to, checks the RTP header (MED-05), and drives the stream's
 * depacketizer or demuxer into its {@link NalInspector}. Runs after the {@link ControlInspector}, so the sessions the
 * control stage learnt are visible here.
 */
public final class MediaInspector implements EventHandler<PacketEvent> {

    private final InspectionContext context;
    private final StreamRegistry registry;
    private final RtpPacket rtp = new RtpPacket();
    private final LengthPrefixedNalSplitter splitter = new LengthPrefixedNalSplitter();
    private final MediaInfoHeader mediaInfo = new MediaInfoHeader();

    public MediaInspector(InspectionContext context, SessionDirectory directory, String sourceName) {
        this.context = context;
        this.registry = new StreamRegistry(context, directory, sourceName);
    }

    @Override
    public void onEvent(PacketEvent event, long sequence, boolean endOfBatch) {
        PacketKind kind = event.kind();
        if (kind == null) {
            return;
        }
        context.onEvent(event.timestampNs(), event.sourceOffset());
        switch (kind) {
            case RTP:
            case UDP_DATAGRAM:
                onDatagram(event);
                break;
            case ANNEX_B_CHUNK:
                onAnnexB(event);
                break;
            case PS_CHUNK:
                onProgramStream(event);
                break;
            case DHAV_CHUNK:
                onDhav(event);
                break;
            case ACCESS_UNIT:
                onAccessUnit(event);
                break;
            case END_OF_STREAM:
                onEnd(event);
                break;
            default:
                break;
        }
    }

    /** Streams seen so far. Read after the pipeline drained. */
    public List<MediaStreamView> streams() {
        List<MediaStreamView> views = new ArrayList<>(registry.streams().size());
        for (MediaStream s : registry.streams()) {
            views.add(new MediaStreamView(s.identity(), s.track(), s.stats()));
        }
        return views;
    }

    /**
     * The statistics of {@code track} once the media stage has seen a packet of it, else null. Safe from any thread for
     * the counters {@link StreamStats} documents as live (the metrics scrape reads them while the stream runs).
     */
    public static StreamStats stats(Track track) {
        Object state = track.state();
        return state instanceof MediaStream ? ((MediaStream) state).stats() : null;
    }

    public long streamsRefused() {
        return registry.refused();
    }

    private void onDatagram(PacketEvent event) {
        if (RtpPacket.isRtcp(event.buffer(), event.offset(), event.length())) {
            return;
        }
        MediaStream stream = event.track() != null ? registry.stream(event.track()) : registry.resolve(event);
        if (stream == null) {
            return;
        }
        ByteBuf buf = event.buffer();
        Rejection r = rtp.wrap(buf, event.offset(), event.length());
        if (r != null) {
            context.rejections().increment(r);
            stream.stats().onRejected();
            return;
        }
        Track track = stream.track();
        if (track.ssrc() != rtp.ssrc()) {
            track.ssrc(rtp.ssrc());
        }
        stream.stats().onLoss(stream.onSequence(rtp.sequenceNumber(), rtp.ssrc()));
        stream.stats().onPacket(event.length(), event.timestampNs());
        stream.stats().onMediaTime(rtp.timestamp());
        if (rtp.extension() || rtp.csrcCount() > 0) {
            checkHeaderExtras(stream, event);
        }
        int off = rtp.payloadOffset();
        int len = rtp.payloadLength();
        if (len <= 0) {
            return;
        }
        if (stream.programStreamPayload()) {
            stream.programStream().feed(buf, off, len, event.sourceOffset());
            return;
        }
        Codec codec = track.codec();
        if (codec == Codec.UNKNOWN) {
            if (!stream.sniffable()) {
                return;
            }
            codec = stream.sniffer().vote(buf, off, len);
            if (codec == Codec.UNKNOWN) {
                return;
            }
            stream.codec(codec);
        }
        Rejection d = codec == Codec.H265
                ? stream.h265().depacketize(rtp.sequenceNumber(), rtp.timestamp(), rtp.marker(), buf, off, len,
                        event.sourceOffset(), stream.nalInspector())
                : stream.h264().depacketize(rtp.sequenceNumber(), rtp.timestamp(), rtp.marker(), buf, off, len,
                        event.sourceOffset(), stream.nalInspector());
        if (d != null) {
            context.rejections().increment(d);
            stream.stats().onRejected();
        }
    }

    /** MED-05: header extension profiles other than ONVIF replay and RFC 8285, or CSRCs from a camera. */
    private void checkHeaderExtras(MediaStream stream, PacketEvent event) {
        if (rtp.extension()) {
            int profile = rtp.extensionProfile();
            boolean known = profile == 0xABAC || profile == 0xABAD || profile == 0xBEDE || (profile & 0xFFF0) == 0x1000;
            if (!known) {
                Finding f = context.hit(Rule.MED_05, stream, stream.identity(), event.sourceOffset());
                if (f != null) {
                    context.report(stream, f.summary(String.format("RTP header extension profile 0x%04x", profile))
                            .detail("profile", String.format("0x%04x", profile))
                            .detail("length", rtp.extensionLength()).detail("sequence", rtp.sequenceNumber())
                            .matched(Hex.of(event.buffer(), rtp.extensionOffset(), rtp.extensionLength())));
                }
                return;
            }
        }
        if (rtp.csrcCount() > 0) {
            Finding f = context.hit(Rule.MED_05, stream, stream.identity(), event.sourceOffset());
            if (f != null) {
                context.report(stream, f.summary(rtp.csrcCount() + " CSRC identifiers on a camera stream")
                        .detail("csrc_count", rtp.csrcCount()).detail("sequence", rtp.sequenceNumber())
                        .matched(Hex.of(event.buffer(), event.offset(), 12 + 4 * rtp.csrcCount())));
            }
        }
    }

    private void onAnnexB(PacketEvent event) {
        MediaStream s = event.track() == null ? null : registry.stream(event.track());
        if (s != null) {
            s.stats().onPacket(event.length(), event.timestampNs());
            s.annexB().feed(event.buffer(), event.offset(), event.length(), event.sourceOffset(), s.nalInspector());
        }
    }

    private void onProgramStream(PacketEvent event) {
        MediaStream s = event.track() == null ? null : registry.stream(event.track());
        if (s == null) {
            return;
        }
        s.stats().onPacket(event.length(), event.timestampNs());
        int off = event.offset();
        int len = event.length();
        long sourceOffset = event.sourceOffset();
        if (sourceOffset == 0 && MediaInfoHeader.probe(event.buffer(), off, len)) {
            mediaInfo(s, event.buffer(), off, len);
            off += MediaInfoHeader.LENGTH;
            len -= MediaInfoHeader.LENGTH;
            sourceOffset += MediaInfoHeader.LENGTH;
        }
        s.programStream().feed(event.buffer(), off, len, sourceOffset);
    }

    /** A Hikvision SDK/NVR export starts with the 40-byte IMKH media header: a vendor fingerprint (RTSP-02). */
    private void mediaInfo(MediaStream s, ByteBuf buf, int off, int len) {
        Rejection r = mediaInfo.wrap(buf, off, len);
        if (r != null) {
            context.rejections().increment(r);
            return;
        }
        String described = mediaInfo.describe();
        s.stats().fingerprint("Hikvision IMKH media header (" + described + ")");
        Finding f = context.hit(Rule.RTSP_02, s, s.identity(), 0);
        if (f != null) {
            context.report(s, f.summary("IMKH media header: " + described + " (Hikvision, or a clone copying it)")
                    .detail("imkh", described).matched(Hex.of(buf, off, MediaInfoHeader.LENGTH)));
        }
    }

    private void onDhav(PacketEvent event) {
        MediaStream s = event.track() == null ? null : registry.stream(event.track());
        if (s != null) {
            s.stats().onPacket(event.length(), event.timestampNs());
            s.dhav().feed(event.buffer(), event.offset(), event.length(), event.sourceOffset());
        }
    }

    private void onAccessUnit(PacketEvent event) {
        MediaStream s = event.track() == null ? null : registry.stream(event.track());
        if (s == null) {
            return;
        }
        s.stats().onPacket(event.length(), event.timestampNs());
        Track track = s.track();
        if (track.codec() == Codec.UNKNOWN) {
            return;
        }
        if (track.nalLengthSize() > 0) {
            Rejection r = splitter.split(track.nalLengthSize(), track.codec(), event.buffer(), event.offset(),
                    event.length(), event.sourceOffset(), s.nalInspector());
            if (r != null) {
                context.rejections().increment(r);
                s.stats().onRejected();
            }
        } else {
            s.annexB().feed(event.buffer(), event.offset(), event.length(), event.sourceOffset(), s.nalInspector());
            s.annexB().finish(s.nalInspector());
        }
    }

    private void onEnd(PacketEvent event) {
        if (event.track() != null) {
            Object state = event.track().state();
            if (state instanceof MediaStream) {
                ((MediaStream) state).finish();
            }
            return;
        }
        for (MediaStream s : registry.streams()) {
            s.finish();
        }
    }
}
