package io.airlock.ingest;

/** The kinds of recording {@code airlock inspect} reads, recognised by content rather than by file name. */
public enum Format {
    PCAP("pcap capture"),
    PCAPNG("pcapng capture"),
    ANNEX_B_H264("H.264 Annex B elementary stream"),
    ANNEX_B_H265("H.265 Annex B elementary stream"),
    PROGRAM_STREAM("MPEG-2 Program Stream"),
    DHAV("Dahua DHAV stream"),
    CONTAINER("container (mp4/mkv/ts) demuxed by FFmpeg"),
    UNKNOWN("unrecognised");

    private final String description;

    Format(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
