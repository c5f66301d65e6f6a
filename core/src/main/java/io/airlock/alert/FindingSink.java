package io.airlock.alert;

/**
 * Receives each finding once, when it is first raised; later repeats only update its counters. Implementations must
 * be quick and must not block: they are called from inspector threads.
 */
@FunctionalInterface
public interface FindingSink {

    void onFinding(Finding finding);

    FindingSink NONE = finding -> { };
}
