package io.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.support.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Jazzer target: the loader on arbitrary bytes never throws and always answers with a config or located problems. */
class ConfigLoaderFuzzTest {

    @FuzzTest
    void loader(byte[] data) {
        check(data);
    }

    @Test
    void shouldSurviveMutationsOfTheExample() throws Exception {
        byte[] example = Files.readAllBytes(TestPaths.root().resolve("docs/airlock.example.yaml"));
        byte[] alphabet = ":-[]{}&*!|>'\"#%@`\t\n ,?0aZ/".getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(11);
        for (int i = 0; i < 250; i++) {
            byte[] data = example.clone();
            for (int j = random.nextInt(6); j >= 0; j--) {
                data[random.nextInt(data.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            check(data);
            check(Arrays.copyOf(data, random.nextInt(data.length)));
        }
    }

    static void check(byte[] data) {
        ConfigResult r = ConfigLoader.parse(data, "fuzz.yaml", null, name -> null);
        assertThat(r.ok()).isEqualTo(r.problems().isEmpty());
        assertThat(r.problems().size()).isLessThanOrEqualTo(Problems.MAX_PROBLEMS + 1);
        for (ConfigProblem p : r.problems()) {
            assertThat(p.line()).isNotNegative();
            assertThat(p.column()).isNotNegative();
            assertThat(p.message()).isNotBlank().doesNotContain("\n");
        }
        assertThat(r.describe()).isNotNull();
    }
}
