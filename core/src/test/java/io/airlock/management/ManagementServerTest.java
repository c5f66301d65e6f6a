package io.airlock.management;

import io.airlock.config.ConfigLoader;
import io.airlock.config.ConfigResult;
import io.airlock.config.Secret;
import io.airlock.metrics.AirlockMetrics;
import io.airlock.metrics.PrometheusText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The management listener over real loopback sockets. */
class ManagementServerTest {

    private static final String TOKEN = "s3cr3t-Management-T0ken-42";

    private final AirlockMetrics metrics = new AirlockMetrics();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final HealthCheck health = () -> new Health(true, List.of(new Health.Stream("gate", "", connected.get()),
            new Health.Stream("gate", "sub", true)));
    private ManagementServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }

    @Test
    void shouldServeEveryFamilyWithHelpAndTypeInTextFormat004() throws Exception {
        start(null, null);
        HttpProbe.Response r = HttpProbe.get(server.address(), "/metrics");
        assertThat(r.status).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.header("cache-control")).isEqualTo("no-store");
        assertThat(PrometheusText.parse(r.body).families()).containsKey("jvm_memory_used_bytes");
        assertThat(server.url("/metrics")).isEqualTo("http://127.0.0.1:" + server.address().getPort() + "/metrics");
    }

    @Test
    void shouldAnswerReadinessWith503UntilEveryCameraStreamIsConnected() throws Exception {
        start(null, null);
        HttpProbe.Response before = HttpProbe.get(server.address(), "/health");
        assertThat(before.status).isEqualTo(503);
        assertThat(before.header("content-type")).isEqualTo("application/json");
        assertThat(before.body).isEqualTo("{\"status\":\"UP\",\"ready\":false,\"config\":\"loaded\",\"cameras\":"
                + "{\"configured\":2,\"connected\":1},\"streams\":[{\"camera\":\"gate\",\"profile\":\"\","
                + "\"connected\":false},{\"camera\":\"gate\",\"profile\":\"sub\",\"connected\":true}]}\n");
        assertThat(HttpProbe.get(server.address(), "/health/ready").status).isEqualTo(503);
        HttpProbe.Response live = HttpProbe.get(server.address(), "/health/live");
        assertThat(live.status).isEqualTo(200);
        assertThat(live.body).isEqualTo("{\"status\":\"UP\"}\n");

        connected.set(true);
        HttpProbe.Response after = HttpProbe.get(server.address(), "/health");
        assertThat(after.status).isEqualTo(200);
        assertThat(after.body).startsWith("{\"status\":\"UP\",\"ready\":true,").contains("\"connected\":2}");
        HttpProbe.Response ready = HttpProbe.get(server.address(), "/health/ready");
        assertThat(ready.status).isEqualTo(200);
        assertThat(ready.body).startsWith("{\"ready\":true,").doesNotContain("status");
    }

    @Test
    void shouldRequireTheBearerTokenOnEveryPathWhenOneIsConfigured() throws Exception {
        start(Secret.literal(TOKEN), null);
        for (String path : new String[] {"/metrics", "/health", "/health/live", "/nowhere"}) {
            HttpProbe.Response r = HttpProbe.get(server.address(), path);
            assertThat(r.status).as("%s without a token", path).isEqualTo(401);
            assertThat(r.header("www-authenticate")).isEqualTo("Bearer realm=\"airlock\"");
            assertThat(r.toString()).doesNotContain(TOKEN);
        }
        for (String wrong : new String[] {"Bearer wrong", "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1),
            "Basic " + TOKEN, "Bearer", "Bearer" + TOKEN, TOKEN}) {
            HttpProbe.Response r = HttpProbe.get(server.address(), "/metrics", "Authorization: " + wrong);
            assertThat(r.status).as("Authorization: %s", wrong).isEqualTo(401);
            assertThat(r.body).doesNotContain(TOKEN);
        }
        assertThat(HttpProbe.get(server.address(), "/metrics", "Authorization: Bearer " + TOKEN).status)
                .isEqualTo(200);
        assertThat(HttpProbe.get(server.address(), "/health/live", "Authorization: bearer   " + TOKEN + "  ").status)
                .as("scheme case-insensitive, spaces around the token").isEqualTo(200);
        assertThat(HttpProbe.get(server.address(), "/metrics", "Authorization: Bearer " + TOKEN,
                "Host: airlock.example:9090").status).as("any Host once the token is right").isEqualTo(200);
    }

    @Test
    void shouldRefuseAHostNameOtherThanLocalhostWithoutAToken() throws Exception {
        start(null, null);
        HttpProbe.Response rebound = HttpProbe.get(server.address(), "/metrics", "Host: attacker.example:9090");
        assertThat(rebound.status).isEqualTo(403);
        assertThat(rebound.body).doesNotContain("attacker");
        for (String host : new String[] {"localhost:9090", "LOCALHOST", "127.0.0.1", "[::1]:9090"}) {
            assertThat(HttpProbe.get(server.address(), "/health/live", "Host: " + host).status).as(host)
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndReloadInOneLine() throws Exception {
        List<String> reloads = new ArrayList<>();
        start(null, null);
        try (HttpProbe p = new HttpProbe(server.address())) {
            HttpProbe.Response missing = p.request("GET", "/admin");
            assertThat(missing.status).isEqualTo(404);
            assertThat(missing.body).doesNotContain("admin").endsWith("\n").hasLineCount(1);
            HttpProbe.Response post = p.request("POST", "/metrics", "Content-Length: 0");
            assertThat(post.status).isEqualTo(405);
            assertThat(post.header("allow")).isEqualTo("GET");
            HttpProbe.Response reload = p.request("POST", "/reload", "Content-Length: 0");
            assertThat(reload.status).isEqualTo(501);
            assertThat(reload.body).hasLineCount(1);
            assertThat(p.request("GET", "/reload").header("allow")).isEqualTo("POST");
        }
        server.close();
        server = ManagementServer.start(new InetSocketAddress("127.0.0.1", 0), null, metrics, health, () -> {
            reloads.add("called");
            return new ReloadHandler.Result(reloads.size() == 1, reloads.size() == 1 ? "applied: 1 camera added"
                    : "refused: line 3 column 5:\nunknown key");
        });
        try (HttpProbe p = new HttpProbe(server.address())) {
            HttpProbe.Response applied = p.request("POST", "/reload", "Content-Length: 0");
            assertThat(applied.status).isEqualTo(200);
            assertThat(applied.body).isEqualTo("applied: 1 camera added\n");
            HttpProbe.Response refused = p.request("POST", "/reload", "Content-Length: 0");
            assertThat(refused.status).isEqualTo(409);
            assertThat(refused.body).as("kept to one line").isEqualTo("refused: line 3 column 5: unknown key\n");
        }
    }

    @Test
    void shouldKeepAScrapersConnectionAliveAndCloseWhenAsked() throws Exception {
        start(null, null);
        try (HttpProbe p = new HttpProbe(server.address())) {
            assertThat(p.request("GET", "/metrics").status).isEqualTo(200);
            assertThat(p.request("GET", "/health/live").status).isEqualTo(200);
            HttpProbe.Response last = p.request("GET", "/health/live", "Connection: close");
            assertThat(last.header("connection")).isEqualTo("close");
            assertThat(p.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldAnswerOversizedRequestsWithAStatusAndClose() throws Exception {
        start(null, null);
        try (HttpProbe p = new HttpProbe(server.address())) {
            assertThat(p.request("GET", "/" + "a".repeat(5000)).status).isEqualTo(414);
            assertThat(p.closedByServer()).isTrue();
        }
        try (HttpProbe p = new HttpProbe(server.address())) {
            assertThat(p.request("GET", "/metrics", "X-Padding: " + "b".repeat(9000)).status).isEqualTo(431);
            assertThat(p.closedByServer()).isTrue();
        }
        try (HttpProbe p = new HttpProbe(server.address())) {
            p.send("POST /reload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\n" + "c".repeat(5000));
            assertThat(p.response().status).isEqualTo(413);
        }
        try (HttpProbe p = new HttpProbe(server.address())) {
            p.send("NOT HTTP AT ALL\r\n\r\n");
            HttpProbe.Response r = p.response();
            assertThat(r.status).isEqualTo(400);
            assertThat(p.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldCloseConnectionsBeyondTheLimitOnAccept() throws Exception {
        start(null, null);
        List<HttpProbe> held = new ArrayList<>();
        try {
            for (int i = 0; i < ManagementServer.MAX_CONNECTIONS; i++) {
                HttpProbe p = new HttpProbe(server.address());
                held.add(p);
                assertThat(p.request("GET", "/health/live").status).isEqualTo(200);
            }
            try (HttpProbe extra = new HttpProbe(server.address())) {
                assertThat(extra.closedByServer()).as("connection %d", ManagementServer.MAX_CONNECTIONS + 1).isTrue();
            }
            held.remove(0).close();
            Thread.sleep(200);
            assertThat(HttpProbe.get(server.address(), "/health/live").status).isEqualTo(200);
        } finally {
            for (HttpProbe p : held) {
                p.close();
            }
        }
    }

    @Test
    void shouldSayInOneLineThatThePortIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress at = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> ManagementServer.start(at, null, metrics, health, null))
                    .isInstanceOf(BindException.class)
                    .hasMessageStartingWith("cannot listen for management on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .hasMessageContaining("in use")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void shouldBeRefusedByValidationOnANonLoopbackAddressWithoutAToken() {
        ConfigResult r = ConfigLoader.parse(("listen:\n  management: 0.0.0.0:9090\ncameras: []\nrecorders: []\n")
                .getBytes(StandardCharsets.UTF_8), "airlock.yaml", null, name -> null);
        assertThat(r.ok()).isFalse();
        assertThat(r.describe()).contains("management on 0.0.0.0:9090 is not loopback and needs 'management_token'");
    }

    private void start(Secret token, ReloadHandler reload) throws IOException {
        server = ManagementServer.start(new InetSocketAddress("127.0.0.1", 0), token, metrics, health, reload);
    }
}
