package io.airlock.ingest;

/** How far a source has read, for progress bars; safe to read from another thread. */
public interface SourceProgress {

    /** Bytes of the input consumed so far. */
    long position();

    /** Total bytes of the input, or -1 when unknown. */
    long size();
}
