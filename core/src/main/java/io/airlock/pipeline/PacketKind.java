package io.airlock.pipeline;

/** What the bytes of a {@link PacketEvent} are, as far as the source knows. */
public enum PacketKind {
    /** A complete RTSP request or response: start line, headers, blank line and body. */
    RTSP_MESSAGE,
    /** One RTP or RTCP packet (UDP datagram payload, or the body of a {@code $} interleaved frame). */
    RTP,
    /** A UDP datagram payload the source could not classify; inspectors decide whether it is RTP. */
    UDP_DATAGRAM,
    /** A contiguous chunk of an Annex B elementary stream (H.264 or H.265); units may span chunks. */
    ANNEX_B_CHUNK,
    /** A contiguous chunk of an MPEG-2 Program Stream; packs and PES packets may span chunks. */
    PS_CHUNK,
    /** A contiguous chunk of a Dahua DHAV stream; frames may span chunks. */
    DHAV_CHUNK,
    /** One demuxed container packet: an access unit in AVCC/HVCC length-prefixed or Annex B form. */
    ACCESS_UNIT,
    /**
     * One captured link-layer frame as it came off the wire or out of the capture file, whatever it carries;
     * {@link PacketEvent#linkType()} says how to decode it. The network watch classifies flows from these.
     */
    FRAME,
    /** No packet: a live source's clock moved on while the wire was quiet (lets time-based expiry run). */
    IDLE,
    /** The source has no more data for {@link PacketEvent#stream()}: flush partial state. */
    END_OF_STREAM
}
