package io.airlock.proxy;

import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigProblem;
import io.airlock.config.ConfigResult;
import io.airlock.config.ReloadResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reloads the running proxy from its configuration file, for SIGHUP and the management API. The file is read again
 * with {@link ConfigLoader}; a file with problems is refused with them, printed as {@code airlock validate} prints
 * them, and the running configuration stays. Reloads run one at a time, whoever asks.
 */
public final class Reloader {

    private final Path file;
    private final ProxyRuntime runtime;
    private final PrintStream log;

    /**
     * @param file    the configuration file the runtime was started from
     * @param runtime the proxy to reconfigure
     * @param log     where changes and problems are reported, one line each
     */
    public Reloader(Path file, ProxyRuntime runtime, PrintStream log) {
        this.file = file;
        this.runtime = runtime;
        this.log = log;
    }

    /** Reads the file again and applies it, or refuses it with its problems. */
    public synchronized ReloadResult reload() {
        ConfigResult loaded = ConfigLoader.load(file);
        for (ConfigProblem w : loaded.warnings()) {
            log.println(loaded.source() + ":" + w.line() + ":" + w.column() + ": warning: " + w.message());
        }
        if (!loaded.ok()) {
            List<String> errors = new ArrayList<>();
            for (ConfigProblem p : loaded.problems()) {
                errors.add(p.format(loaded.source()));
            }
            log.println(loaded.describe());
            log.println("airlock: reload refused: " + loaded.source() + " has " + countOf(errors.size(), "problem")
                    + "; the running configuration stays");
            return ReloadResult.rejected(errors);
        }
        ReloadResult result = runtime.reload(loaded.config());
        if (!result.ok()) {
            for (String e : result.errors()) {
                log.println("airlock: reload refused: " + e);
            }
            return result;
        }
        log.println("airlock: reloaded " + loaded.source() + ": " + (result.changes().isEmpty() ? "nothing changed"
                : countOf(result.changes().size(), "change")));
        for (String change : result.changes()) {
            log.println("airlock: reload: " + change);
        }
        return result;
    }

    private static String countOf(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
