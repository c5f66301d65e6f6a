package io.airlock.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.Locale;

/**
 * The wait strategies a user may choose, by name. Trade-offs: {@code sleeping} spins, yields, then parks: low latency
 * while busy, little CPU when idle; {@code blocking} (the live default) uses least CPU, but waking a parked stage costs
 * ~100 µs on a VM and a p99 in milliseconds when cores are shared; {@code yielding} and {@code busy-spin} lower latency
 * further only when each stage thread has a core of its own, which they then use whole.
 */
public final class WaitStrategies {

    /** For {@code airlock inspect}: one fused stage thread that should never park while the file streams in. */
    public static final String DEFAULT = "sleeping";
    /**
     * For live mode: cameras deliver in bursts with idle gaps, and on a small appliance a spinning stage steals the
     * cores the event loops need (measured in bench/RESULTS.md: zero loss to 600 streams blocking, 200 sleeping).
     */
    public static final String LIVE_DEFAULT = "blocking";

    private WaitStrategies() {
    }

    /** The strategy named {@code name}, or null when there is none by that name. */
    public static WaitStrategy byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sleeping":
                return new SleepingWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            case "lite-blocking":
                return new LiteBlockingWaitStrategy();
            case "yielding":
                return new YieldingWaitStrategy();
            case "busy-spin":
                return new BusySpinWaitStrategy();
            default:
                return null;
        }
    }

    /** Names accepted by {@link #byName}, for help text. */
    public static String names() {
        return "sleeping, blocking, lite-blocking, yielding, busy-spin";
    }
}
