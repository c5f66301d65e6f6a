package io.airlock.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds {@code src-test-data/} when run with {@code -Dairlock.regenerate=true}; skipped otherwise so the normal
 * build never rewrites committed files.
 */
class RegenerateTestDataTest {

    @Test
    void shouldRegenerateTestDataWhenAsked() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("airlock.regenerate"),
                "set -Dairlock.regenerate=true to rebuild src-test-data/");
        Path root = Paths.get("../src-test-data").toAbsolutePath().normalize();
        TestDataGenerator.main(new String[] {root.toString()});
        assertThat(root.resolve("h264/openh264-clean.h264")).exists();
        long total = 0;
        try (var files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!p.getFileName().toString().endsWith(".md")) {
                    assertThat(Files.size(p)).as("%s stays small", p).isLessThan(200_000);
                    total += Files.size(p);
                }
            }
        }
        assertThat(total).as("src-test-data total").isLessThan(1_500_000);
    }
}
