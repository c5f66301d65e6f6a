package io.airlock.testdata;

import io.airlock.support.FfmpegBinary;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an ffmpeg binary for the generator: the bundled one, or a system one with libx265. */
final class ExternalFfmpeg {

    private static final long TIMEOUT_SECONDS = 120;

    private ExternalFfmpeg() {
    }

    /** Runs {@code command}; fails with ffmpeg's own output when it exits non-zero. */
    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = FfmpegBinary.linked(new ProcessBuilder(command)).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("ffmpeg timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("ffmpeg exit=" + process.exitValue() + " command=" + command + " output="
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    /** The first {@code ffmpeg} on PATH whose encoder list has libx265, or null. */
    static Path findWithLibx265() {
        String pathEnv = System.getenv("PATH");
        if (pathEnv == null) {
            return null;
        }
        for (String dir : pathEnv.split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, "ffmpeg");
            if (Files.isExecutable(candidate) && hasLibx265(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean hasLibx265(Path ffmpeg) {
        try {
            Process process = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-encoders")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && output.contains("libx265");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
