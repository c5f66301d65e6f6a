package io.airlock.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process whose output lines a test waits for: a JVM running a {@code main} of the test tree, or a tool.
 * Closing it kills it (and what it started).
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final StringBuilder err = new StringBuilder();

    private ChildProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), "stdout", line -> {
            synchronized (out) {
                out.add(line);
                out.notifyAll();
            }
        });
        drain(process.getErrorStream(), "stderr", line -> {
            synchronized (err) {
                err.append(line).append('\n');
            }
        });
    }

    /** Starts {@code command}; stdin is closed. */
    public static ChildProcess start(ProcessBuilder command) throws IOException {
        return new ChildProcess(command.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start());
    }

    /** The argv that runs {@code main} of the test classpath in a new JVM of the running Java. */
    public static List<String> java(Class<?> main, String... args) {
        List<String> argv = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED",
                "-XX:+IgnoreUnrecognizedVMOptions", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath(),
                main.getName()));
        argv.addAll(List.of(args));
        return argv;
    }

    /** The running Java's launcher. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test classpath: Surefire's real one when it runs the tests through a manifest-only jar. */
    public static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * True when a user that is neither owner nor in the group can read the Java installation and every classpath
     * entry: each directory on the way must be searchable by others, and the entry readable.
     */
    public static boolean readableByOthers() {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of(System.getProperty("java.home")).toAbsolutePath());
        for (String entry : classpath().split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                paths.add(Path.of(entry).toAbsolutePath());
            }
        }
        try {
            for (Path path : paths) {
                Path real = path.toRealPath();
                if (!Files.getPosixFilePermissions(real).contains(PosixFilePermission.OTHERS_READ)) {
                    return false;
                }
                for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) {
                    Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir);
                    if (!p.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        return true;
    }

    /** Waits up to {@code seconds} for an output line that matches; null when none came. */
    public String awaitLine(Predicate<String> match, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (out) {
            int checked = 0;
            while (true) {
                for (; checked < out.size(); checked++) {
                    if (match.test(out.get(checked))) {
                        return out.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(out, left);
            }
        }
    }

    /** Waits up to {@code seconds} until the error output contains {@code text}; false when it did not. */
    public boolean awaitError(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!errors().contains(text)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The process id, e.g. for {@code kill -HUP}. */
    public long pid() {
        return process.pid();
    }

    /**
     * Asks the process to stop: SIGTERM on Linux. Through its handle, since {@link Process#destroy()} also closes
     * the pipes, and the last lines the process writes while it stops would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits up to {@code seconds} for the exit; the exit code, or -1 when it is still running. */
    public int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** The output lines so far. */
    public List<String> lines() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    /** The error output so far. */
    public String errors() {
        synchronized (err) {
            return err.toString();
        }
    }

    /** What a failed assertion should show. */
    public String transcript() {
        return "stdout: " + lines() + "\nstderr: " + errors();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(InputStream stream, String name, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process was killed: its output ends here
            }
        }, "child-" + name);
        t.setDaemon(true);
        t.start();
    }
}
