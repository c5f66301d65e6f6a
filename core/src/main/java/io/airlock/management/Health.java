package io.airlock.management;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.airlock.metrics.StreamMetrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether Airlock is doing its job: the configuration is loaded and every configured camera stream is playing
 * upstream. Liveness needs nothing more than the listener answering; readiness needs every stream, because a recorder
 * pulling a camera that is not connected gets nothing, and the counts say how far from ready it is.
 *
 * @param configLoaded whether a valid configuration is in force
 * @param streams      each configured camera stream (a camera, or one of its profiles)
 */
public record Health(boolean configLoaded, List<Stream> streams) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One camera stream.
     *
     * @param camera    the camera's configured name
     * @param profile   the profile name, "" for the main stream
     * @param connected whether its upstream session is playing
     */
    public record Stream(String camera, String profile, boolean connected) {
    }

    public Health {
        streams = List.copyOf(streams);
    }

    /** The health of a running configuration with these streams. */
    public static Health of(List<? extends StreamMetrics> streams) {
        List<Stream> list = new ArrayList<>(streams.size());
        for (StreamMetrics s : streams) {
            list.add(new Stream(s.camera(), s.profile(), s.connected()));
        }
        return new Health(true, list);
    }

    /** Streams configured. */
    public int configured() {
        return streams.size();
    }

    /** Streams playing upstream. */
    public int connected() {
        int n = 0;
        for (Stream s : streams) {
            n += s.connected() ? 1 : 0;
        }
        return n;
    }

    /** Whether the configuration is loaded and every configured stream is playing. */
    public boolean ready() {
        return configLoaded && connected() == configured();
    }

    /** {@code {"status":"UP"}}, then the readiness fields when {@code withReadiness}; one line of JSON. */
    String json(boolean liveness, boolean withReadiness) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (liveness) {
                g.writeStringField("status", "UP");
            }
            if (withReadiness) {
                g.writeBooleanField("ready", ready());
                g.writeStringField("config", configLoaded ? "loaded" : "not loaded");
                g.writeObjectFieldStart("cameras");
                g.writeNumberField("configured", configured());
                g.writeNumberField("connected", connected());
                g.writeEndObject();
                g.writeArrayFieldStart("streams");
                for (Stream s : streams) {
                    g.writeStartObject();
                    g.writeStringField("camera", s.camera());
                    g.writeStringField("profile", s.profile());
                    g.writeBooleanField("connected", s.connected());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }
}
