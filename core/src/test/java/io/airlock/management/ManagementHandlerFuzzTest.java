package io.airlock.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlock.config.Secret;
import io.airlock.metrics.AirlockMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Jazzer target: arbitrary bytes from a management client, with and without a token. The listener never throws,
 * answers only with HTTP/1.1 responses, and never lets a response carry the token; the request and idle deadlines close
 * the connection.
 */
class ManagementHandlerFuzzTest {

    private static final String TOKEN = "fuzz-Token-0123456789";
    private static final AirlockMetrics METRICS = new AirlockMetrics();
    private static final HealthCheck HEALTH = () -> new Health(true, List.of(new Health.Stream("cam", "", true)));
    private static final String[] SEEDS = {
        "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /health HTTP/1.1\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n",
        "POST /reload HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
        "GET /health/ready HTTP/1.0\r\nHost: [::1]:9090\r\nAuthorization: bearer x\r\n\r\n",
        "GET /%2e%2e/metrics?x=1 HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n",
    };

    @FuzzTest
    void requests(byte[] data) {
        check(data, true);
        check(data, false);
    }

    @Test
    void shouldSurviveMutatedRequests() {
        Random random = new Random(6750);
        for (int i = 0; i < 400; i++) {
            byte[] data = SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.ISO_8859_1);
            for (int m = random.nextInt(6); m > 0; m--) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            check(data, random.nextBoolean());
        }
    }

    @Test
    void shouldCloseAConnectionThatDoesNotCompleteARequestInTime() {
        EmbeddedChannel ch = channel(false);
        ch.writeInbound(Unpooled.copiedBuffer("GET /metr", StandardCharsets.US_ASCII));
        ch.advanceTimeBy(ManagementHandler.REQUEST_TIMEOUT_MS - 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(2, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void shouldCloseAKeptAliveConnectionLeftIdle() {
        EmbeddedChannel ch = channel(false);
        ch.writeInbound(Unpooled.copiedBuffer(SEEDS[0], StandardCharsets.US_ASCII));
        releaseOutbound(ch);
        ch.advanceTimeBy(ManagementHandler.REQUEST_TIMEOUT_MS + 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).as("the idle allowance replaced the request deadline").isTrue();
        ch.advanceTimeBy(ManagementHandler.IDLE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
    }

    static void check(byte[] data, boolean withToken) {
        EmbeddedChannel ch = channel(withToken);
        ch.writeInbound(Unpooled.wrappedBuffer(data));
        ch.finish();
        StringBuilder sent = new StringBuilder();
        for (Object out; (out = ch.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) out;
            sent.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        assertThat(sent.isEmpty() || sent.toString().startsWith("HTTP/1.1 ")).as("%s", sent).isTrue();
        assertThat(sent).doesNotContain(TOKEN);
        for (Object in; (in = ch.readInbound()) != null; ) {
            io.netty.util.ReferenceCountUtil.release(in);
        }
    }

    private static EmbeddedChannel channel(boolean withToken) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(
                new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(ManagementServer.MAX_INITIAL_LINE)
                        .setMaxHeaderSize(ManagementServer.MAX_HEADER_SIZE).setMaxChunkSize(ManagementServer.MAX_BODY)),
                new HttpObjectAggregator(ManagementServer.MAX_BODY),
                new ManagementHandler(new BearerToken(withToken ? Secret.literal(TOKEN) : null), METRICS, HEALTH,
                        null));
        return ch;
    }

    private static void releaseOutbound(EmbeddedChannel ch) {
        for (Object out; (out = ch.readOutbound()) != null; ) {
            io.netty.util.ReferenceCountUtil.release(out);
        }
    }
}
