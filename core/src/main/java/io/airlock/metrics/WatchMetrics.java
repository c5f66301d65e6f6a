package io.airlock.metrics;

/** What the camera network watch reports to the metrics; called on the scrape thread while it runs. */
public interface WatchMetrics {

    /** Frames the watch has read off the interface. */
    long frames();

    /** Frames the kernel dropped because the capture buffer was full (libpcap's {@code ps_drop}). */
    long kernelDrops();

    /** Frames the interface dropped ({@code ps_ifdrop}). */
    long interfaceDrops();

    /** Flows in the table now. */
    long flows();

    /** Flows created so far. */
    long flowsCreated();

    /** Packets of new flows that found the table, or their camera's share of it, full. */
    long flowOverflowPackets();

    /** Cameras known to the watch. */
    long cameras();
}
