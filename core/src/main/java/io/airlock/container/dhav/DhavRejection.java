package io.airlock.container.dhav;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why {@link DhavDemuxer} refused or lost bytes of a Dahua DHAV stream (FFmpeg libavformat/dhav.c layout). */
public enum DhavRejection implements Rejection {
    NO_FRAME("no DHAV frame header found in the data"),
    LOST_SYNC("bytes after a frame are not a DHAV header; resynchronising on the next \"DHAV\""),
    FRAME_TOO_SHORT("frame_length is smaller than the header, its extensions and the 8-byte tail"),
    FRAME_TOO_LONG("frame_length is above 64 MiB (or a 4 GB value); resynchronising"),
    EXTENSION_OVERRUN("a known extension type runs past the end of the extension area"),
    TAIL_MISMATCH("frame tail is not \"dhav\" followed by the frame_length"),
    TRUNCATED_FILE_HEADER("data ends inside the 1 KiB \"DAHUA\" file header"),
    TRUNCATED_HEADER("data ends inside a frame header or its extensions"),
    TRUNCATED_FRAME("frame_length points past the end of the data");

    private final String description;

    DhavRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.DHAV;
    }

    @Override
    public String description() {
        return description;
    }
}
