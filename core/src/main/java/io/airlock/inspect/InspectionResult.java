package io.airlock.inspect;

import io.airlock.alert.Finding;
import io.airlock.ingest.Format;
import io.airlock.wire.RejectionCounters;

import java.nio.file.Path;
import java.util.List;

/**
 * What inspecting one file produced: its streams, its findings (one per stream per rule), what could not be read and
 * why reading stopped early, if it did.
 *
 * @param problem one line naming the file and byte offset where reading stopped early, or null
 */
public record InspectionResult(Path file, Format format, long size, long bytesRead, List<MediaStreamView> streams,
                               List<Finding> findings, RejectionCounters rejections, String problem,
                               long packets, long rtspMessages, long internalErrors, String firstInternalError,
                               long elapsedNs) {

    /** Units of input that could not be parsed (malformed, truncated or unsupported), summed over every layer. */
    public long unreadable() {
        return rejections.total();
    }

    /** Bytes read per second of wall time, from opening the file to the last stage finishing. */
    public double bytesPerSecond() {
        return elapsedNs > 0 ? bytesRead * 1e9 / elapsedNs : 0;
    }
}
