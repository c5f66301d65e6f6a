package io.airlock.inspect;

import io.airlock.alert.StreamIdentity;
import io.airlock.codec.AnnexBScanner;
import io.airlock.codec.Codec;
import io.airlock.codec.h264.H264Depacketizer;
import io.airlock.codec.h265.H265Depacketizer;
import io.airlock.ingest.FormatSniffer;
import io.airlock.pipeline.Track;
import io.netty.buffer.ByteBuf;

/**
 * Everything the media inspector keeps for one stream: its identity, statistics, and the stateful parsers that turn
 * its packets or chunks into NAL units. Created on the first packet of a stream, held in {@link Track#state()}.
 * The parsers are made on first use, so an audio stream never pays for a depacketizer.
 */
final class MediaStream {

    private final Track track;
    private final InspectionContext context;
    private final StreamStats stats = new StreamStats();
    private final NalInspector nalInspector;
    private StreamIdentity identity;

    private H264Depacketizer h264;
    private H265Depacketizer h265;
    private AnnexBScanner annexB;
    private ProgramStreamInspector programStream;
    private DhavInspector dhav;

    private final boolean video;
    private final boolean programStreamPayload;
    private RtpCodecSniffer sniffer;
    private int expectedSequence = -1;
    private long lastSsrc = -1;

    /**
     * @param video false for a stream the SDP says is audio or metadata: it is counted but never depacketized
     */
    MediaStream(Track track, InspectionContext context, boolean video) {
        this.context = context;
        this.track = track;
        this.video = video;
        String encoding = track.encodingName();
        this.programStreamPayload = "PS".equalsIgnoreCase(encoding) || "MP2P".equalsIgnoreCase(encoding);
        this.nalInspector = new NalInspector(this, context);
        stats.codec(track.codec());
        stats.encodingName(track.encodingName());
        stats.clockRate(track.clockRate());
    }

    Track track() {
        return track;
    }

    Codec codec() {
        return track.codec();
    }

    /** Sets the codec once it is known (from SDP, or sniffed from the first payloads). */
    void codec(Codec codec) {
        track.codec(codec);
        stats.codec(codec);
        annexB = null;
    }

    StreamStats stats() {
        return stats;
    }

    NalInspector nalInspector() {
        return nalInspector;
    }

    StreamIdentity identity() {
        if (identity == null || identity.ssrc() != track.ssrc()) {
            identity = StreamIdentity.of(track);
        }
        return identity;
    }

    /** GB/T 28181 and Hikvision "PS over RTP" (rtpmap PS/90000 or MP2P): RTP payloads carry a Program Stream. */
    boolean programStreamPayload() {
        return programStreamPayload;
    }

    /** True when the codec may be guessed from payloads: a video stream whose SDP, if any, named no codec. */
    boolean sniffable() {
        return video;
    }

    RtpCodecSniffer sniffer() {
        if (sniffer == null) {
            sniffer = new RtpCodecSniffer();
        }
        return sniffer;
    }

    /** Passes elementary-stream bytes carried by a framing (PS, DHAV) on to the Annex B scanner. */
    void feedElementaryStream(ByteBuf buffer, int offset, int length, long sourceOffset) {
        if (track.codec() == Codec.UNKNOWN) {
            // No PSM stream type or DHAV codec extension seen: let the NAL headers decide.
            Codec sniffed = FormatSniffer.annexBCodec(buffer, offset, length);
            codec(sniffed == Codec.UNKNOWN ? Codec.H264 : sniffed);
        }
        annexB().feed(buffer, offset, length, sourceOffset, nalInspector);
    }

    /** Ends the unit still open in the Annex B scanner, if any. */
    void finishElementaryStream() {
        if (annexB != null) {
            annexB.finish(nalInspector);
        }
    }

    /** Flushes units and frames still open at the end of the source. */
    void finish() {
        if (programStream != null) {
            programStream.finish();
        } else if (dhav != null) {
            dhav.finish();
        } else {
            finishElementaryStream();
        }
        if (h264 != null) {
            h264.reset();
        }
        if (h265 != null) {
            h265.reset();
        }
    }

    H264Depacketizer h264() {
        if (h264 == null) {
            h264 = new H264Depacketizer();
        }
        return h264;
    }

    H265Depacketizer h265() {
        if (h265 == null) {
            h265 = new H265Depacketizer();
        }
        return h265;
    }

    AnnexBScanner annexB() {
        if (annexB == null) {
            annexB = new AnnexBScanner(track.codec() == Codec.UNKNOWN ? Codec.H264 : track.codec());
        }
        return annexB;
    }

    ProgramStreamInspector programStream() {
        if (programStream == null) {
            programStream = new ProgramStreamInspector(this, context);
        }
        return programStream;
    }

    DhavInspector dhav() {
        if (dhav == null) {
            dhav = new DhavInspector(this, context);
        }
        return dhav;
    }

    ProgramStreamInspector programStreamOrNull() {
        return programStream;
    }

    DhavInspector dhavOrNull() {
        return dhav;
    }

    AnnexBScanner annexBOrNull() {
        return annexB;
    }

    /**
     * Tracks RTP sequence numbers and returns how many packets were lost before this one (0 when in order). A new
     * SSRC restarts the count.
     */
    int onSequence(int sequenceNumber, long ssrc) {
        int lost = 0;
        if (ssrc != lastSsrc) {
            lastSsrc = ssrc;
        } else if (expectedSequence >= 0 && sequenceNumber != expectedSequence) {
            int gap = (sequenceNumber - expectedSequence) & 0xFFFF;
            // A small backwards step is reordering or duplication, not loss.
            lost = gap < 0x8000 ? gap : 0;
        }
        expectedSequence = (sequenceNumber + 1) & 0xFFFF;
        return lost;
    }
}
