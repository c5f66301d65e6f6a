package io.airlock.cli;

import io.airlock.alert.FindingSink;
import io.airlock.capture.CaptureException;
import io.airlock.capture.LiveCaptureOptions;
import io.airlock.config.AirlockConfig;
import io.airlock.config.WatchSettings;
import io.airlock.watch.LiveWatch;
import io.airlock.watch.WatchConfig;
import io.airlock.watch.WatchPolicies;
import io.airlock.watch.WatchPolicy;

import java.util.ArrayList;
import java.util.List;

/** Starts the watch a configuration asks for ({@code watch.interface}), for {@code airlock run}. */
final class CameraNetworkWatch {

    /** About half a second of 1 Gbit/s. */
    static final int KERNEL_BUFFER_BYTES = 64 * 1024 * 1024;

    private CameraNetworkWatch() {
    }

    static LiveWatch start(AirlockConfig config, FindingSink sink) throws CaptureException {
        WatchSettings s = config.watch();
        List<String> warnings = new ArrayList<>();
        WatchPolicy policy = WatchPolicies.fromConfig(config, s.interfaceName(), warnings);
        warnings.forEach(w -> System.err.println("airlock: warning: " + w));
        LiveWatch watch = start(s, s.interfaceName(), s.bpfFilter(), s.promiscuous(), s.snaplen(), policy, sink);
        System.err.println("watching the camera network on " + s.interfaceName());
        return watch;
    }

    /** The watch on {@code interfaceName} with the bounds of {@code s} and the given capture choices. */
    static LiveWatch start(WatchSettings s, String interfaceName, String bpfFilter, boolean promiscuous, int snaplen,
                           WatchPolicy policy, FindingSink sink) throws CaptureException {
        // Findings need no sub-millisecond latency: let the kernel deliver in blocks (fewer wake-ups) and give it
        // room to ride out a stall of the watch thread at line rate.
        LiveCaptureOptions options = new LiveCaptureOptions(interfaceName, snaplen, promiscuous, KERNEL_BUFFER_BYTES,
                bpfFilter, LiveCaptureOptions.DEFAULT_TIMEOUT_MILLIS, false);
        return LiveWatch.start(options, WatchConfig.of(policy, s), sink);
    }
}
