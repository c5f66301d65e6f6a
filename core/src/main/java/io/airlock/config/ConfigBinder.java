package io.airlock.config;

import io.airlock.alert.Rule;
import io.airlock.pipeline.InspectionPipeline;
import io.airlock.pipeline.WaitStrategies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the document root into an {@link AirlockConfig}, then checks what spans sections (names, references). */
final class ConfigBinder {

    static final int MAX_CAMERAS = 1024;
    static final int MAX_RECORDERS = 1024;

    private static final List<String> ROOT_KEYS = List.of("listen", "cameras", "recorders", "policy", "pipeline",
            "limits", "watch", "alerts");
    private static final List<String> LISTEN_KEYS = List.of("rtsp", "management", "management_token", "rtp_ports");
    private static final List<String> PIPELINE_KEYS = List.of("ring_size", "wait_strategy", "stage_cpu");
    private static final List<String> LIMITS_KEYS = List.of("recorder_queue_packets", "recorder_stall",
            "session_timeout", "max_recorders");

    private final SecretResolver secrets;
    private final Problems problems;
    /** Recorder names defined in the file, each with its item, once {@code recorders:} has been read. */
    private Map<String, YamlNode> recorderNames = Map.of();

    private ConfigBinder(SecretResolver secrets, Problems problems) {
        this.secrets = secrets;
        this.problems = problems;
    }

    /** The configuration, or null when anything is wrong (every problem is in {@code problems}). */
    static AirlockConfig bind(YamlNode root, SecretResolver secrets, Problems problems) {
        return new ConfigBinder(secrets, problems).root(root);
    }

    private AirlockConfig root(YamlNode root) {
        Fields f = Fields.of(root, "the configuration", ROOT_KEYS, problems);
        Listen listen = f.node("listen") == null ? Listen.defaults() : listen(f.node("listen"));
        List<RecorderConfig> recorders = recorders(f);
        List<CameraConfig> cameras = cameras(f, recorders);
        Policy policy = f.node("policy") == null ? Policy.defaults() : policy(f.node("policy"));
        PipelineConfig pipeline = f.node("pipeline") == null ? PipelineConfig.defaults() : pipeline(f.node("pipeline"));
        Limits limits = f.node("limits") == null ? Limits.defaults() : limits(f.node("limits"));
        WatchSettings watch = f.node("watch") == null ? WatchSettings.defaults()
                : WatchBinder.bind(f.node("watch"), problems);
        AlertsConfig alerts = f.node("alerts") == null ? AlertsConfig.NONE
                : AlertsBinder.bind(f.node("alerts"), secrets.baseDir(), problems);
        if (problems.any()) {
            return null;
        }
        return new AirlockConfig(listen, cameras, recorders, policy, pipeline, limits, watch, alerts);
    }

    private Listen listen(YamlNode node) {
        Fields f = Fields.of(node, "listen", LISTEN_KEYS, problems);
        HostPort rtsp = hostPort(f, "rtsp", Listen.DEFAULT_RTSP);
        HostPort management = hostPort(f, "management", Listen.DEFAULT_MANAGEMENT);
        Secret token = f.node("management_token") == null ? null
                : secrets.resolve(f.node("management_token"), "management_token", "listen");
        YamlNode managementAt = f.node("management") == null ? f.at() : f.node("management");
        if (token == null && f.node("management_token") == null && !management.loopback()) {
            problems.error(managementAt, "management on " + management + " is not loopback and needs"
                    + " 'management_token' ({env: NAME} or {file: PATH}); there are no default passwords");
        }
        if (token != null && token.length() < Listen.MIN_TOKEN_LENGTH) {
            problems.error(f.node("management_token"), "'management_token' must be at least "
                    + Listen.MIN_TOKEN_LENGTH + " characters");
        }
        PortRange rtp = PortRange.DEFAULT;
        String range = f.text("rtp_ports", false);
        if (range != null) {
            PortRange parsed = PortRange.parse(range);
            if (parsed == null || parsed.first() < 1024 || parsed.first() % 2 != 0 || parsed.size() < 2) {
                problems.error(f.node("rtp_ports"), "'rtp_ports' must be FIRST-LAST with an even FIRST of at least"
                        + " 1024 and room for one RTP/RTCP pair, e.g. 30000-30999; found '" + Text.safe(range) + "'");
            } else {
                rtp = parsed;
            }
        }
        if (rtsp.port() == management.port() && (rtsp.address().equals(management.address()) || rtsp.wildcard()
                || management.wildcard())) {
            problems.error(managementAt, "management and rtsp both listen on port " + rtsp.port());
        }
        for (String key : List.of("rtsp", "management")) {
            int port = key.equals("rtsp") ? rtsp.port() : management.port();
            if (rtp.contains(port)) {
                YamlNode at = f.node("rtp_ports") != null ? f.node("rtp_ports")
                        : f.node(key) != null ? f.node(key) : f.at();
                problems.error(at, "'rtp_ports' " + rtp + " includes port " + port + " of '" + key + "'");
            }
        }
        return new Listen(rtsp, management, token, rtp);
    }

    private HostPort hostPort(Fields f, String key, String fallback) {
        String text = f.text(key, false);
        HostPort hp = text == null ? null : HostPort.parse(text);
        if (text != null && hp == null) {
            problems.error(f.node(key), "'" + key + "' must be IP:PORT such as " + fallback + " or [::1]:9090"
                    + " (host names are not accepted), found '" + Text.safe(text) + "'");
        }
        return hp == null ? HostPort.parse(fallback) : hp;
    }

    private List<RecorderConfig> recorders(Fields f) {
        List<RecorderConfig> recorders = new ArrayList<>();
        Map<String, YamlNode> seen = new HashMap<>();
        List<YamlNode> items = f.list("recorders", MAX_RECORDERS);
        if (items.isEmpty() && f.at() instanceof YamlNode.Mapping) {
            YamlNode at = f.node("recorders") == null ? f.at() : f.node("recorders");
            problems.error(at, "the configuration needs 'recorders': who may pull the cameras");
        }
        for (int i = 0; i < items.size(); i++) {
            String name = BinderSupport.name(items.get(i), "recorder", new Problems());
            if (name != null && seen.containsKey(name)) {
                problems.error(items.get(i), "recorder '" + name + "' is defined twice (first at line "
                        + seen.get(name).line() + ")");
            } else if (name != null) {
                seen.put(name, items.get(i));
            }
            RecorderConfig r = RecorderBinder.bind(items.get(i), i, secrets, problems);
            if (r != null) {
                recorders.add(r);
            }
        }
        recorderNames = seen;
        return recorders;
    }

    private List<CameraConfig> cameras(Fields f, List<RecorderConfig> recorders) {
        List<CameraConfig> cameras = new ArrayList<>();
        Map<String, YamlNode> seen = new HashMap<>();
        List<YamlNode> items = f.list("cameras", MAX_CAMERAS);
        if (items.isEmpty() && f.at() instanceof YamlNode.Mapping) {
            YamlNode at = f.node("cameras") == null ? f.at() : f.node("cameras");
            problems.error(at, "the configuration needs 'cameras': at least one camera to proxy");
        }
        for (int i = 0; i < items.size(); i++) {
            String name = BinderSupport.name(items.get(i), "camera", new Problems());
            if (name != null && seen.containsKey(name)) {
                problems.error(items.get(i), "camera '" + name + "' is defined twice (first at line "
                        + seen.get(name).line() + ")");
            } else if (name != null) {
                seen.put(name, items.get(i));
            }
            checkReferences(items.get(i), name);
            CameraConfig c = CameraBinder.bind(items.get(i), i, secrets, problems);
            if (c != null) {
                cameras.add(c);
            }
        }
        return cameras;
    }

    /** Each name under the camera's {@code recorders:} must be a recorder defined in the file. */
    private void checkReferences(YamlNode camera, String cameraName) {
        if (!(camera instanceof YamlNode.Mapping m)) {
            return;
        }
        for (YamlNode.Entry e : m.entries()) {
            if (!e.key().text().equals("recorders")) {
                continue;
            }
            List<YamlNode> refs = e.value() instanceof YamlNode.Sequence s ? s.items() : List.of(e.value());
            for (YamlNode ref : refs) {
                if (ref instanceof YamlNode.Scalar s && !s.empty() && !recorderNames.containsKey(s.text().trim())) {
                    problems.error(ref, "camera '" + (cameraName == null ? "?" : cameraName) + "' names recorder '"
                            + Text.safe(s.text().trim()) + "', which is not defined under 'recorders'"
                            + Suggestions.didYouMean(s.text().trim(), recorderNames.keySet()));
                }
            }
        }
    }

    private Policy policy(YamlNode node) {
        Map<String, PolicyAction> actions = new LinkedHashMap<>();
        if (node instanceof YamlNode.Scalar s && s.empty()) {
            return Policy.defaults();
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.error(node, "'policy' must map rule ids to alert or block, e.g. RTSP-01: block; found "
                    + node.kind());
            return Policy.defaults();
        }
        List<String> known = new ArrayList<>();
        for (Rule r : Rule.values()) {
            known.add(r.id());
        }
        for (YamlNode.Entry e : m.entries()) {
            String id = e.key().text().trim().toUpperCase(Locale.ROOT);
            if (Rule.byId(id) == null && !Policy.CATALOGUE_ID.matcher(id).matches()) {
                problems.error(e.key(), "unknown rule '" + Text.safe(e.key().text()) + "' in policy"
                        + Suggestions.didYouMean(id, known) + "; see 'airlock rules'");
                continue;
            }
            if (actions.containsKey(id)) {
                problems.error(e.key(), "rule " + id + " appears twice in policy");
                continue;
            }
            PolicyAction action = e.value() instanceof YamlNode.Scalar s && !s.alias()
                    ? PolicyAction.byLabel(s.text().trim()) : null;
            if (action == null) {
                problems.error(e.value(), "the action for " + id + " must be alert or block");
            } else {
                actions.put(id, action);
            }
        }
        return new Policy(actions);
    }

    private PipelineConfig pipeline(YamlNode node) {
        Fields f = Fields.of(node, "pipeline", PIPELINE_KEYS, problems);
        int ring = f.integer("ring_size", PipelineConfig.DEFAULT_RING_SIZE, PipelineConfig.MIN_RING_SIZE,
                PipelineConfig.MAX_RING_SIZE);
        if (Integer.bitCount(ring) != 1) {
            problems.error(f.node("ring_size"), "'ring_size' must be a power of two, e.g. "
                    + Integer.highestOneBit(ring) + " or " + Integer.highestOneBit(ring) * 2);
        }
        String wait = f.text("wait_strategy", false);
        if (wait == null) {
            wait = WaitStrategies.LIVE_DEFAULT;
        } else if (WaitStrategies.byName(wait) == null) {
            problems.error(f.node("wait_strategy"), "'wait_strategy' must be one of " + WaitStrategies.names()
                    + ", found '" + Text.safe(wait) + "'");
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        int cpu = f.integer("stage_cpu", InspectionPipeline.NO_CPU, 0, PipelineConfig.MAX_STAGE_CPU);
        if (cpu >= cpus) {
            problems.error(f.node("stage_cpu"), "'stage_cpu' " + cpu + " is not a CPU this process may use (0-"
                    + (cpus - 1) + ")");
            cpu = InspectionPipeline.NO_CPU;
        } else if (cpu != InspectionPipeline.NO_CPU && cpus < 2) {
            problems.error(f.node("stage_cpu"), "'stage_cpu' needs two CPUs or more: the inspection thread takes one "
                    + "to itself, and this process may use only one; leave 'stage_cpu' out");
            cpu = InspectionPipeline.NO_CPU;
        }
        return new PipelineConfig(ring, wait.toLowerCase(Locale.ROOT), cpu);
    }

    private Limits limits(YamlNode node) {
        Fields f = Fields.of(node, "limits", LIMITS_KEYS, problems);
        int queue = f.integer("recorder_queue_packets", Limits.DEFAULT_RECORDER_QUEUE_PACKETS, 16, 1 << 20);
        Duration stall = f.duration("recorder_stall", Limits.DEFAULT_RECORDER_STALL, Duration.ofMillis(100),
                Duration.ofMinutes(10));
        Duration timeout = f.duration("session_timeout", Limits.DEFAULT_SESSION_TIMEOUT, Duration.ofSeconds(5),
                Duration.ofHours(1));
        int max = f.integer("max_recorders", Limits.DEFAULT_MAX_RECORDERS, 1, 4096);
        return new Limits(queue, stall, timeout, max);
    }
}
