package io.airlock.capture;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a capture file (classic pcap or pcapng) or one of its records was refused. */
public enum PcapRejection implements Rejection {
    EMPTY_FILE("capture file is empty"),
    NOT_A_CAPTURE_FILE("not a pcap/pcapng file: unknown magic number"),
    TRUNCATED_HEADER("capture file ends inside its file header"),
    UNSUPPORTED_VERSION("capture file format version is not supported"),
    TRUNCATED_RECORD("capture file ends inside a record; records before it were kept"),
    ABSURD_RECORD_LENGTH("record length is larger than 256 KiB"),
    BAD_BLOCK_LENGTH("pcapng block length is below 12, not a multiple of 4 or disagrees with its trailer"),
    BLOCK_PAST_END("pcapng block length points past the end of the file"),
    CAPTURED_LENGTH_PAST_BLOCK("pcapng packet captured length points past the end of its block"),
    UNKNOWN_INTERFACE("pcapng packet refers to an interface that was not described"),
    TOO_MANY_INTERFACES("pcapng section declares more interfaces than supported"),
    PACKET_BEFORE_SECTION("pcapng packet block before any section header"),
    BAD_SECTION_HEADER("pcapng section header block has an unknown byte-order magic or version");

    private final String description;

    PcapRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.PCAP;
    }

    @Override
    public String description() {
        return description;
    }
}
