package io.airlock.alert;

import java.nio.file.Path;

/**
 * Where and how {@link JsonLinesSink} writes.
 *
 * @param path     the live file, e.g. /var/log/airlock/alerts.jsonl; rotated files get .1 (newest) to .{@code keep}
 * @param maxBytes the live file is rotated before a line would take it past this size
 * @param keep     rotated files kept; the oldest beyond it is deleted
 * @param queue    findings queued for the writer thread before new ones are dropped
 */
public record JsonLinesSettings(Path path, long maxBytes, int keep, int queue) {

    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_KEEP = 5;
    public static final int DEFAULT_QUEUE = 4096;

    public JsonLinesSettings {
        if (maxBytes < 1 || keep < 1 || queue < 1) {
            throw new IllegalArgumentException("max_bytes, keep and queue must be positive");
        }
    }

    /** The defaults for a file at {@code path}. */
    public static JsonLinesSettings at(Path path) {
        return new JsonLinesSettings(path, DEFAULT_MAX_BYTES, DEFAULT_KEEP, DEFAULT_QUEUE);
    }
}
