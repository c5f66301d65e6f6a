package io.airlock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds {@code src-test-data/} from the working directory (the repository root, {@code bench/} or {@code core/}). */
public final class BenchFiles {

    private static final int MAX_LEVELS = 6;

    private BenchFiles() {
    }

    /** The repository root: {@code -Dairlock.root} if set, else the first ancestor holding {@code src-test-data}. */
    public static Path root() {
        String configured = System.getProperty("airlock.root");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (int i = 0; i < MAX_LEVELS && dir != null; i++) {
            if (Files.isDirectory(dir.resolve("src-test-data"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("src-test-data not found above " + System.getProperty("user.dir")
                + ": run from the repository or pass -Dairlock.root=<repo>");
    }

    /** The bytes of {@code src-test-data/<relative>}. */
    public static byte[] read(String relative) {
        Path path = root().resolve("src-test-data").resolve(relative);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw CameraStream.unchecked(path, e);
        }
    }
}
