package io.airlock.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * POSIX signals for the live commands, through {@code sun.misc.Signal} (module jdk.unsupported, present in every
 * JDK). The JVM runs a handler on a short-lived thread of its own per signal, so a handler here only hands the work
 * on; closing the handle puts the previous handler back.
 */
final class Signals {

    private Signals() {
    }

    /** A handler in place until {@link #close()}. */
    static final class Handle implements AutoCloseable {
        private final Signal signal;
        private final SignalHandler previous;

        private Handle(Signal signal, SignalHandler previous) {
            this.signal = signal;
            this.previous = previous;
        }

        /** The parent told the process to ignore the signal (nohup does for HUP): it will never arrive. */
        boolean ignored() {
            return previous == SignalHandler.SIG_IGN;
        }

        @Override
        public void close() {
            Signal.handle(signal, previous);
        }
    }

    /**
     * Runs {@code action} on each signal {@code name} (HUP, INT, TERM) until the handle is closed.
     *
     * @return the handle, or null when this JVM keeps the signal to itself (e.g. run with {@code -Xrs})
     */
    static Handle handle(String name, Runnable action) {
        Signal signal = new Signal(name);
        try {
            return new Handle(signal, Signal.handle(signal, s -> action.run()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
