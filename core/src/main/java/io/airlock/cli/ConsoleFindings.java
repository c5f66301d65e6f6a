package io.airlock.cli;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingJson;
import io.airlock.alert.FindingSink;

import java.io.PrintStream;

/** Prints each new finding as one line, as it happens; for {@code airlock run} and {@code airlock demo}. */
final class ConsoleFindings implements FindingSink {

    private final PrintStream out;

    ConsoleFindings(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onFinding(Finding f) {
        long now = System.currentTimeMillis() * 1_000_000L;
        out.println(FindingJson.iso(f.firstSeenNs() >= 0 ? f.firstSeenNs() : now) + " " + f.rule().id() + " ["
                + f.severity().label() + "] " + f.stream().describe() + ": " + f.summary());
    }
}
