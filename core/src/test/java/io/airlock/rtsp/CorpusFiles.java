package io.airlock.rtsp;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the read-only third-party corpus in ../shared/corpus (never copied into the repository). */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    /** The rtsp-transcripts directory; skips the calling test when it is absent. */
    public static Path transcripts() {
        final Path dir = root().resolve("../shared/corpus/rtsp-transcripts").normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/corpus not present: skipping RTSP transcript tests");
        return dir;
    }

    public static List<Path> transcriptFiles() {
        try (Stream<Path> s = Files.list(transcripts())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().startsWith("LICENSE"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(final String name) {
        try {
            return Files.readAllBytes(transcripts().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path root() {
        Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("src-test-data"))
                    || (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core")))) {
                return p;
            }
            p = p.getParent();
        }
        return Paths.get(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }
}
