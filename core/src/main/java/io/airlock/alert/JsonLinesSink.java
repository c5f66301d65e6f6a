package io.airlock.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Findings as JSON lines for a SIEM's file collector: each line is exactly the object {@code airlock inspect --json}
 * writes for an alert ({@link FindingJson}), UTF-8, ending in '\n'. The file rotates by size
 * ({@code alerts.jsonl} to {@code alerts.jsonl.1} ... {@code .keep}) without ever splitting a line.
 *
 * <p>{@link #onFinding} only queues: a thread of its own formats and writes, so an inspector never waits on the disk.
 * When the queue is full the finding is dropped and counted. A write error is logged once, counted, and retried with
 * backoff; writing resumes by itself when the disk does.
 */
public final class JsonLinesSink extends QueuedSink {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesSink.class);

    private final RotatingFile file;

    public JsonLinesSink(JsonLinesSettings settings) {
        this(settings, SinkWorker.MIN_BACKOFF, SinkWorker.MAX_BACKOFF);
    }

    JsonLinesSink(JsonLinesSettings settings, Duration minBackoff, Duration maxBackoff) {
        this(settings, new RotatingFile(settings.path(), settings.maxBytes(), settings.keep()), minBackoff,
                maxBackoff);
    }

    private JsonLinesSink(JsonLinesSettings settings, RotatingFile file, Duration minBackoff, Duration maxBackoff) {
        super(new SinkWorker("alerts file " + settings.path(), settings.queue(), new Lines(file), LOG, minBackoff,
                maxBackoff));
        this.file = file;
    }

    /** Lines written. */
    public long written() {
        return delivered();
    }

    /** Times the file was rotated. */
    public long rotations() {
        return file.rotations();
    }

    /** Formats on the worker thread into one reused buffer. */
    private static final class Lines implements SinkWorker.Output {

        private final JsonFactory json = new JsonFactory();
        private final LineBuffer line = new LineBuffer();
        private final RotatingFile file;

        Lines(RotatingFile file) {
            this.file = file;
        }

        @Override
        public void start() throws IOException {
            file.open();
        }

        @Override
        public void write(Finding finding) throws IOException {
            line.reset();
            try (JsonGenerator g = json.createGenerator(line)) {
                FindingJson.write(g, finding, System.currentTimeMillis() * 1_000_000L);
            }
            line.write('\n');
            file.append(line.bytes());
        }

        @Override
        public void sync() throws IOException {
            file.sync();
        }

        @Override
        public void abort() {
            try {
                file.close();
            } catch (IOException ignored) {
                // Aborting: the worker reports what is lost.
            }
        }

        @Override
        public void close() throws IOException {
            file.sync();
            file.close();
        }
    }

    /** A byte array stream whose contents are read in place. */
    private static final class LineBuffer extends ByteArrayOutputStream {

        LineBuffer() {
            super(1024);
        }

        ByteBuffer bytes() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }
}
