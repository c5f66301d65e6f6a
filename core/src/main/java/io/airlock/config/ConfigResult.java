package io.airlock.config;

import java.util.List;

/**
 * The outcome of loading a configuration: the configuration when there are no problems, else every problem found.
 * Warnings (a password written in the file) never prevent loading.
 *
 * @param source   the file as the user named it, for messages
 * @param config   the configuration, or null when {@code problems} is not empty
 * @param problems every problem, in file order of discovery; empty when {@code config} is set
 * @param warnings things that work but should be done otherwise
 */
public record ConfigResult(String source, AirlockConfig config, List<ConfigProblem> problems,
                           List<ConfigProblem> warnings) {

    public ConfigResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        if ((config == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a result has either a configuration or problems");
        }
    }

    /** Whether the configuration loaded. */
    public boolean ok() {
        return config != null;
    }

    /**
     * The problems as {@code FILE:LINE:COLUMN: message} lines, or a one-paragraph summary of a valid configuration
     * ("3 cameras, 2 recorders, RTSP on 0.0.0.0:8554, management on 127.0.0.1:9090; policy: RTSP-01 block, others
     * alert"). Never shows a secret: secrets appear, at most, as where they come from.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!ok()) {
            for (ConfigProblem p : problems) {
                sb.append(p.format(source)).append('\n');
            }
            return sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").toString();
        }
        AirlockConfig c = config;
        int streams = 0;
        for (CameraConfig camera : c.cameras()) {
            streams += 1 + camera.profiles().size();
        }
        sb.append(count(c.cameras().size(), "camera"));
        if (streams != c.cameras().size()) {
            sb.append(" (").append(count(streams, "stream")).append(')');
        }
        sb.append(", ").append(count(c.recorders().size(), "recorder"))
                .append(", RTSP on ").append(c.listen().rtsp())
                .append(", management on ").append(c.listen().management());
        if (c.listen().managementToken() != null) {
            sb.append(" (token from ").append(c.listen().managementToken().origin()).append(')');
        }
        sb.append(", RTP ports ").append(c.listen().rtpPorts())
                .append("; policy: ").append(c.policy().summary())
                .append("; ring ").append(c.pipeline().ringSize()).append(' ').append(c.pipeline().waitStrategy())
                .append(c.pipeline().stageCpu() >= 0 ? " on CPU " + c.pipeline().stageCpu() : "");
        if (!c.alerts().describe().isEmpty()) {
            sb.append("; ").append(c.alerts().describe());
        }
        sb.append('.');
        return sb.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
