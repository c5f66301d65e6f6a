package io.airlock.config;

import java.util.List;

/**
 * The whole appliance configuration, validated: names are unique, every recorder a camera names exists, every
 * secret is resolved. Built only by {@link ConfigLoader}. {@code toString()} masks secrets.
 *
 * @param listen    listen addresses
 * @param cameras   cameras, in file order
 * @param recorders recorders, in file order
 * @param policy    action per rule
 * @param pipeline  inspection ring settings
 * @param limits    per-peer bounds
 * @param watch     the camera network watch
 * @param alerts    where findings go besides the console
 */
public record AirlockConfig(Listen listen, List<CameraConfig> cameras, List<RecorderConfig> recorders, Policy policy,
                            PipelineConfig pipeline, Limits limits, WatchSettings watch, AlertsConfig alerts) {

    public AirlockConfig {
        cameras = List.copyOf(cameras);
        recorders = List.copyOf(recorders);
    }

    /** The camera named {@code name}, or null. */
    public CameraConfig camera(String name) {
        for (CameraConfig c : cameras) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The recorder named {@code name}, or null. */
    public RecorderConfig recorder(String name) {
        for (RecorderConfig r : recorders) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }
}
