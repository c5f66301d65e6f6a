package io.airlock.container.ps;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why {@link ProgramStreamDemuxer} refused or lost bytes of an MPEG-2 Program Stream (ISO/IEC 13818-1 §2.5). */
public enum PsRejection implements Rejection {
    NO_PACK_HEADER("no pack header (00 00 01 BA) found in the data"),
    BAD_PACK_HEADER("pack header is neither the MPEG-2 ('01') nor the MPEG-1 ('0010') form"),
    LOST_SYNC("bytes after a unit are not a start code; resynchronising on the next pack header"),
    BAD_SYSTEM_HEADER("system header is shorter than its fixed part or its stream list is not 3-byte entries"),
    SYSTEM_HEADER_TOO_LONG("system header longer than the 1 KiB carry buffer; skipped by its length"),
    PSM_TOO_LONG("program stream map longer than 1 KiB; skipped by its length"),
    BAD_PSM("program stream map descriptor or elementary stream map lengths point past the end of the map"),
    BAD_PES_HEADER("PES header_data_length does not fit the PES packet or is too short for its PTS/DTS flags"),
    PES_LENGTH_ZERO("audio/video PES with PES_packet_length 0 (unbounded) is not allowed in a program stream"),
    TRUNCATED_HEADER("data ends inside a pack, system, PSM or PES header"),
    TRUNCATED_PES("PES_packet_length points past the end of the data");

    private final String description;

    PsRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.PS;
    }

    @Override
    public String description() {
        return description;
    }
}
