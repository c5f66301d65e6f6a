package io.airlock.proxy;

import io.airlock.config.AirlockConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings a running Airlock keeps until it restarts: the listening sockets and the RTP port range (bound once),
 * the inspection ring (sized and started once), the limits (built into the recorder server), the camera network
 * watch (with the cameras and recorders it started with) and the alert sinks (opened once). A reload reports a change to any of them and otherwise ignores it.
 */
final class RestartOnlySettings {

    private RestartOnlySettings() {
    }

    /** {@code next} with the running values of every restart-only setting. */
    static AirlockConfig keep(AirlockConfig running, AirlockConfig next) {
        return new AirlockConfig(running.listen(), next.cameras(), next.recorders(), next.policy(), running.pipeline(),
                running.limits(), running.watch(), running.alerts());
    }

    /** One "needs a restart" line per restart-only setting that differs; secrets are named, never shown. */
    static List<String> changes(AirlockConfig running, AirlockConfig next) {
        List<String> lines = new ArrayList<>();
        compare(lines, "listen.rtsp", running.listen().rtsp(), next.listen().rtsp());
        compare(lines, "listen.management", running.listen().management(), next.listen().management());
        if (!Objects.equals(running.listen().managementToken(), next.listen().managementToken())) {
            lines.add("listen.management_token changed: needs a restart; the running token stays");
        }
        compare(lines, "listen.rtp_ports", running.listen().rtpPorts(), next.listen().rtpPorts());
        compare(lines, "pipeline.ring_size", running.pipeline().ringSize(), next.pipeline().ringSize());
        compare(lines, "pipeline.wait_strategy", running.pipeline().waitStrategy(), next.pipeline().waitStrategy());
        compare(lines, "pipeline.stage_cpu", running.pipeline().stageCpu(), next.pipeline().stageCpu());
        compare(lines, "limits.recorder_queue_packets", running.limits().recorderQueuePackets(),
                next.limits().recorderQueuePackets());
        compare(lines, "limits.recorder_stall", text(running.limits().recorderStall()),
                text(next.limits().recorderStall()));
        compare(lines, "limits.session_timeout", text(running.limits().sessionTimeout()),
                text(next.limits().sessionTimeout()));
        compare(lines, "limits.max_recorders", running.limits().maxRecorders(), next.limits().maxRecorders());
        if (!running.watch().equals(next.watch())) {
            lines.add("watch changed: needs a restart; the running watch stays");
        } else if (running.watch().enabled() && (!running.cameras().equals(next.cameras())
                || !running.recorders().equals(next.recorders()))) {
            lines.add("watch: needs a restart to learn the new cameras and recorders; it judges flows by the old ones");
        }
        if (!running.alerts().equals(next.alerts())) {
            lines.add("alerts changed: needs a restart; the running alert sinks stay");
        }
        return lines;
    }

    /** As the file writes it: {@code 5s}, {@code 250ms}. */
    private static String text(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static void compare(List<String> lines, String key, Object running, Object next) {
        if (!running.equals(next)) {
            lines.add(key + " " + running + " -> " + next + ": needs a restart; " + running + " stays");
        }
    }
}
