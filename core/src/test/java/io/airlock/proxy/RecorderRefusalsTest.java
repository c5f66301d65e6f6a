package io.airlock.proxy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecorderRefusalsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RecorderRefusals refusals = new RecorderRefusals(new SessionFindings(f -> { }),
            new PrintStream(out, true, StandardCharsets.UTF_8), clock::get);
    private final InetSocketAddress recorder = new InetSocketAddress("192.0.2.7", 50_000);

    @Test
    void shouldTellTheFirstLimitRefusalWithTheLimitToRaise() {
        refusals.sessionLimitReached(recorder, "/lobby", 64);

        assertThat(lines()).containsExactly("airlock: recorder limit reached: refused a SETUP from 192.0.2.7 for /lobby"
                + " with 453, all 64 sessions are in use; raise limits.max_recorders or end idle recorder sessions");
    }

    @Test
    void shouldTellAtMostOneLimitLineAMinuteWithTheRefusalsInBetweenCounted() {
        refusals.sessionLimitReached(recorder, "/lobby", 64);
        for (int i = 0; i < 500; i++) {
            clock.addAndGet(100_000_000L);
            refusals.sessionLimitReached(recorder, "/lobby", 64);
        }
        // 50 s later: still within the minute.
        assertThat(lines()).hasSize(1);

        clock.addAndGet(RecorderRefusals.LIMIT_LOG_INTERVAL_NANOS);
        refusals.sessionLimitReached(recorder, "/yard", 64);

        assertThat(lines()).hasSize(2);
        assertThat(lines()[1]).contains("for /yard with 453", "(500 more refused since the last line)");
    }

    private String[] lines() {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\n");
    }
}
