package io.airlock.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the repository's test data and the shared corpus beside the repository. */
public final class TestPaths {

    private TestPaths() {
    }

    /** The repository root: the first directory upwards from the working directory that holds src-test-data. */
    public static Path root() {
        Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("src-test-data")) && Files.isDirectory(p.resolve("core"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the repository root above " + System.getProperty("user.dir"));
    }

    /** A file under src-test-data. */
    public static Path testData(String relative) {
        return root().resolve("src-test-data").resolve(relative);
    }

    /** A file under ../shared/corpus; skips the calling test with a clear message when the corpus is absent. */
    public static Path corpus(String relative) {
        Path corpus = root().resolve("../shared/corpus").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared/corpus not present: skipping corpus test");
        Path p = corpus.resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), p + " not present: skipping corpus test");
        return p;
    }
}
