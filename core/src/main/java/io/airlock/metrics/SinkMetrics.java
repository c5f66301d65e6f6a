package io.airlock.metrics;

/** What an alert sink reports to the metrics; called on the scrape thread while it runs. */
public interface SinkMetrics {

    /** The sink's label: "file" or "syslog". */
    String sink();

    /** Findings written or sent. */
    long delivered();

    /** Findings dropped because the sink's bounded queue was full (or could not be delivered at shutdown). */
    long dropped();

    /** Write or send failures (each retried). */
    long errors();
}
