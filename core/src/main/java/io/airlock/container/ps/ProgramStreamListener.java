package io.airlock.container.ps;

import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;

/**
 * Receives what {@link ProgramStreamDemuxer} finds, in stream order. Every method has a no-op default. Buffers are
 * only valid during the call (they may be the caller's feed buffer or the demuxer's carry buffer); a listener that
 * needs bytes later copies the few it needs. Offsets are source offsets of the unit's start code.
 */
public interface ProgramStreamListener {

    /**
     * A pack header (ISO/IEC 13818-1 §2.5.3.3).
     *
     * @param scr             system clock reference in 27 MHz units (base * 300 + extension)
     * @param muxRate         program_mux_rate in units of 50 bytes/s
     * @param stuffingLength  pack_stuffing_length (0-7; 0 for the MPEG-1 form)
     * @param stuffingAllFf   true when every stuffing byte is 0xFF as the standard requires
     * @param stuffingCounter when not all 0xFF: the last (up to) 4 stuffing bytes big-endian, Hikvision's
     *                        incrementing pack counter; otherwise -1
     */
    default void packHeader(long scr, int muxRate, int stuffingLength, boolean stuffingAllFf, long stuffingCounter,
            long offset) {
    }

    /** A system header's fixed part (§2.5.3.5). */
    default void systemHeader(long rateBound, int audioBound, int videoBound, long offset) {
    }

    /** One stream entry of the system header that preceded it. */
    default void systemHeaderStream(int streamId, int bufferBoundScale, int bufferSizeBound, long offset) {
    }

    /** A program stream map begins (§2.5.4); its descriptors and streams follow. CRC_32 is not verified. */
    default void programStreamMap(int version, boolean currentNext, long offset) {
    }

    /** A program_stream_info descriptor; {@code off}/{@code len} cover the descriptor body after tag and length. */
    default void psmDescriptor(int tag, ByteBuf buf, int off, int len, long offset) {
    }

    /** An elementary stream map entry: stream_type (0x1B H.264, 0x24 H.265, 0x90/0x91 audio...) and stream_id. */
    default void psmStream(int streamType, int streamId, long offset) {
    }

    /** A descriptor of the elementary stream announced by the preceding {@link #psmStream}; body only. */
    default void psmStreamDescriptor(int streamId, int tag, ByteBuf buf, int off, int len, long offset) {
    }

    /**
     * An audio or video PES packet begins; its payload follows as zero or more {@link #pesPayload} calls and then
     * exactly one {@link #pesEnd}.
     *
     * @param pts 33-bit presentation time stamp (90 kHz), or -1 when absent
     * @param dts 33-bit decoding time stamp (90 kHz), or -1 when absent
     */
    default void pesStart(int streamId, long pts, long dts, int pesPacketLength, long offset) {
    }

    /** The next slice of the current PES packet's payload (elementary stream bytes, zero-copy). */
    default void pesPayload(int streamId, ByteBuf buf, int off, int len) {
    }

    /** The PES packet begun by {@link #pesStart} is over (also called when the data ends inside it). */
    default void pesEnd(int streamId) {
    }

    /**
     * A PES packet that is skipped by its PES_packet_length and never scanned: private_stream_1 (0xBD, Hikvision's
     * one-per-IDR private data), private_stream_2 (0xBF) and the 0xF0-0xFF system streams. Padding (0xBE) is not
     * reported.
     *
     * @param length     PES_packet_length (bytes after the length field)
     * @param firstBytes up to 64 bytes following the length field, as far as they were present in the feed where the
     *                   body starts (possibly none)
     */
    default void privateStream(int streamId, int length, ByteBuf firstBytes, int off, int len, long offset) {
    }

    /** MPEG_program_end_code (00 00 01 B9). */
    default void programEnd(long offset) {
    }

    /** Some bytes were refused or lost; the demuxer carries on. */
    default void rejected(Rejection reason, long offset) {
    }
}
