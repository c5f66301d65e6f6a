package io.airlock.management;

/**
 * What {@code POST /reload} does: re-read the configuration and apply it. Called on the management event loop, so an
 * implementation returns promptly (handing long work to its own thread). While the runtime has none, the listener
 * answers 501.
 */
@FunctionalInterface
public interface ReloadHandler {

    /** Reloads; never throws for a bad configuration, which is a refused {@link Result}. */
    Result reload();

    /**
     * The outcome, sent back as one line.
     *
     * @param applied whether the new configuration is now in force (200), or was refused (409)
     * @param message one line saying what changed or why it was refused; never a secret
     */
    record Result(boolean applied, String message) {
    }
}
