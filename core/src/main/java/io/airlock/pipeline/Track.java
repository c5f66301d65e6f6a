package io.airlock.pipeline;

import io.airlock.codec.Codec;
import io.airlock.net.Flow;

/**
 * One media stream as the pipeline knows it: a track of a file, or an RTP stream (SSRC) on a flow. Created once per
 * stream, never per packet. Inspectors keep their per-stream state in {@link #state()}.
 */
public final class Track {

    private final String sourceName;
    private final int index;
    private final Flow flow;
    private Codec codec;
    private int payloadType = -1;
    private int clockRate = 90_000;
    private long ssrc = -1;
    private String encodingName;
    private int nalLengthSize;
    /** Volatile so that another thread (the metrics scrape) sees the inspector's state once it exists. */
    private volatile Object state;
    private volatile Object egress;

    /**
     * @param sourceName the file name or camera name the stream comes from
     * @param index      track number within that source (0 for elementary-stream files)
     * @param flow       the transport flow carrying the stream, or null for files without one
     * @param codec      the codec when known, else {@link Codec#UNKNOWN}
     */
    public Track(String sourceName, int index, Flow flow, Codec codec) {
        this.sourceName = sourceName;
        this.index = index;
        this.flow = flow;
        this.codec = codec;
    }

    public String sourceName() {
        return sourceName;
    }

    public int index() {
        return index;
    }

    public Flow flow() {
        return flow;
    }

    public Codec codec() {
        return codec;
    }

    public Track codec(Codec codec) {
        this.codec = codec;
        return this;
    }

    public int payloadType() {
        return payloadType;
    }

    public Track payloadType(int payloadType) {
        this.payloadType = payloadType;
        return this;
    }

    public int clockRate() {
        return clockRate;
    }

    public Track clockRate(int clockRate) {
        this.clockRate = clockRate;
        return this;
    }

    /** RTP SSRC as an unsigned 32-bit value, or -1 when the stream is not RTP. */
    public long ssrc() {
        return ssrc;
    }

    public Track ssrc(long ssrc) {
        this.ssrc = ssrc;
        return this;
    }

    /** The SDP encoding name (e.g. "H264", "PS", "vnd.onvif.metadata"), or null. */
    public String encodingName() {
        return encodingName;
    }

    public Track encodingName(String encodingName) {
        this.encodingName = encodingName;
        return this;
    }

    /** For {@link PacketKind#ACCESS_UNIT} in length-prefixed form: bytes per length field (1, 2 or 4); 0 = Annex B. */
    public int nalLengthSize() {
        return nalLengthSize;
    }

    public Track nalLengthSize(int nalLengthSize) {
        this.nalLengthSize = nalLengthSize;
        return this;
    }

    /** Per-stream state owned by the inspectors. */
    public Object state() {
        return state;
    }

    public void state(Object state) {
        this.state = state;
    }

    /** Where the egress stage sends this stream's packets in live mode (its recorders), or null offline. */
    public Object egress() {
        return egress;
    }

    public void egress(Object egress) {
        this.egress = egress;
    }

    @Override
    public String toString() {
        return sourceName + (flow != null ? " " + flow : "") + " track " + index
                + (ssrc >= 0 ? String.format(" ssrc=%08x", ssrc) : "");
    }
}
