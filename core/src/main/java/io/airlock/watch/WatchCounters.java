package io.airlock.watch;

/**
 * What the watch has counted, for reports and metrics. Written only by the watch thread; a metrics scrape may read a
 * value a moment old, never a torn one (64-bit fields on the 64-bit JVMs Airlock runs on).
 */
public final class WatchCounters {

    long frames;
    long flows;
    long flowsCreated;
    long flowsExpired;
    long overflowPackets;
    long cameras;
    long camerasInferred;

    /** Frames seen, of every kind. */
    public long frames() {
        return frames;
    }

    /** Flows in the table now. */
    public long flows() {
        return flows;
    }

    public long flowsCreated() {
        return flowsCreated;
    }

    public long flowsExpired() {
        return flowsExpired;
    }

    /** Packets of new flows that found the table (or their camera's share of it) full, and were aggregated. */
    public long overflowPackets() {
        return overflowPackets;
    }

    public long cameras() {
        return cameras;
    }

    public long camerasInferred() {
        return camerasInferred;
    }
}
