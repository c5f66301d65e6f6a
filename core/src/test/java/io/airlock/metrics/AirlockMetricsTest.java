package io.airlock.metrics;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class AirlockMetricsTest {

    private final AirlockMetrics metrics = new AirlockMetrics();
    private final FakeStream main = new FakeStream("gate", "");
    private final FakeStream sub = new FakeStream("gate", "sub");
    private final LatencyHistogram latency = new LatencyHistogram();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void shouldGiveEveryFamilyHelpAndTypeAndLabelStreamsWithCameraAndProfileOnly() {
        register();
        main.sei[229] = 1;
        metrics.countFindings(FindingSink.NONE).onFinding(finding(Rule.MED_02, "gate"));
        PrometheusText text = PrometheusText.parse(metrics.scrape());

        Set<String> airlockLabels = new HashSet<>();
        for (PrometheusText.Family f : text.families().values()) {
            assertThat(f.help()).as("HELP of %s", f.name()).isNotBlank();
            if (f.name().startsWith("airlock_")) {
                f.samples().forEach(s -> airlockLabels.addAll(s.labels().keySet()));
            }
        }
        assertThat(airlockLabels).containsExactlyInAnyOrder("camera", "profile", "payload_type", "rule", "severity",
                "le");
        assertThat(text.families()).containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "system_cpu_count", "jvm_gc_memory_allocated_bytes_total");
        assertThat(text.family("airlock_stream_inbound_bytes_total").type()).isEqualTo("counter");
        assertThat(text.family("airlock_rtp_jitter_seconds").type()).isEqualTo("gauge");
        assertThat(text.family("airlock_pipeline_latency_seconds").type()).isEqualTo("histogram");
    }

    @Test
    void shouldDropARemovedStreamsSeriesAndMeasureAStreamAddedLaterUnderTheSameNames() {
        register();
        main.inboundPackets = 10;
        main.sei[229] = 1;
        assertThat(PrometheusText.parse(metrics.scrape()).value("airlock_stream_inbound_packets_total",
                "camera", "gate", "profile", "")).isEqualTo(10);

        metrics.unregister(main);
        String afterRemoval = metrics.scrape();
        assertThat(afterRemoval).doesNotContain("profile=\"\"}")
                .contains("airlock_stream_inbound_packets_total{camera=\"gate\",profile=\"sub\"}");

        FakeStream again = new FakeStream("gate", "");
        again.inboundPackets = 3;
        metrics.register(again);
        assertThat(PrometheusText.parse(metrics.scrape()).value("airlock_stream_inbound_packets_total",
                "camera", "gate", "profile", "")).as("the new stream's count, not the removed one's").isEqualTo(3);
    }

    @Test
    void shouldCountWhatEachAlertSinkDeliveredDroppedAndFailed() {
        long[] dropped = {0};
        metrics.register(new SinkMetrics() {
            @Override
            public String sink() {
                return "syslog";
            }

            @Override
            public long delivered() {
                return 12;
            }

            @Override
            public long dropped() {
                return dropped[0];
            }

            @Override
            public long errors() {
                return 1;
            }
        });
        dropped[0] = 3;
        String text = metrics.scrape();
        assertThat(text).contains("# TYPE airlock_alerts_dropped_total counter")
                .contains("airlock_alerts_dropped_total{sink=\"syslog\"} 3.0")
                .contains("airlock_alerts_delivered_total{sink=\"syslog\"} 12.0")
                .contains("airlock_alerts_errors_total{sink=\"syslog\"} 1.0");
    }

    @Test
    void shouldReadEveryStreamCounterAtScrapeTime() {
        register();
        main.connected = true;
        main.inboundPackets = 10;
        main.inboundBytes = 12_000;
        main.outboundPackets = 20;
        main.outboundBytes = 24_000;
        main.lost = 3;
        main.reordered = 1;
        main.jitter = 0.0042;
        main.frames = 250;
        main.keyframes = 5;
        main.gop = 50;
        main.recorders = 2;
        main.recorderDrops = 7;
        main.stalls = 1;
        main.ringFull = 4;
        main.reconnects = 2;
        PrometheusText text = PrometheusText.parse(metrics.scrape());

        String[] gate = {"camera", "gate", "profile", ""};
        assertThat(text.value("airlock_camera_connected", gate)).isEqualTo(1);
        assertThat(text.value("airlock_camera_connected", "camera", "gate", "profile", "sub")).isZero();
        assertThat(text.value("airlock_stream_inbound_packets_total", gate)).isEqualTo(10);
        assertThat(text.value("airlock_stream_inbound_bytes_total", gate)).isEqualTo(12_000);
        assertThat(text.value("airlock_stream_outbound_packets_total", gate)).isEqualTo(20);
        assertThat(text.value("airlock_stream_outbound_bytes_total", gate)).isEqualTo(24_000);
        assertThat(text.value("airlock_rtp_lost_packets_total", gate)).isEqualTo(3);
        assertThat(text.value("airlock_rtp_reordered_packets_total", gate)).isEqualTo(1);
        assertThat(text.value("airlock_rtp_jitter_seconds", gate)).isCloseTo(0.0042, offset(1e-9));
        assertThat(text.value("airlock_video_frames_total", gate)).isEqualTo(250);
        assertThat(text.value("airlock_video_keyframes_total", gate)).isEqualTo(5);
        assertThat(text.value("airlock_video_gop_frames", gate)).isEqualTo(50);
        assertThat(text.value("airlock_recorder_sessions", gate)).isEqualTo(2);
        assertThat(text.value("airlock_recorder_dropped_packets_total", gate)).isEqualTo(7);
        assertThat(text.value("airlock_recorder_stalls_total", gate)).isEqualTo(1);
        assertThat(text.value("airlock_pipeline_ring_full_drops_total", gate)).isEqualTo(4);
        assertThat(text.value("airlock_camera_reconnects_total", gate)).isEqualTo(2);

        main.inboundPackets = 11;
        assertThat(PrometheusText.parse(metrics.scrape()).value("airlock_stream_inbound_packets_total", gate))
                .isEqualTo(11);
    }

    @Test
    void shouldAddASeriesForEachSeiPayloadTypeOnlyOnceItIsSeen() {
        register();
        assertThat(PrometheusText.parse(metrics.scrape()).families()).doesNotContainKey("airlock_sei_messages_total");
        main.sei[229] = 7;
        main.sei[5] = 2;
        sub.sei[StreamMetrics.SEI_OTHER] = 1;
        PrometheusText text = PrometheusText.parse(metrics.scrape());

        assertThat(text.family("airlock_sei_messages_total").samples()).hasSize(3);
        assertThat(text.value("airlock_sei_messages_total", "profile", "", "payload_type", "229")).isEqualTo(7);
        assertThat(text.value("airlock_sei_messages_total", "profile", "", "payload_type", "5")).isEqualTo(2);
        assertThat(text.value("airlock_sei_messages_total", "profile", "sub", "payload_type", "other")).isEqualTo(1);
    }

    @Test
    void shouldCountEveryOccurrenceOfAFindingByStreamRuleAndSeverity() {
        register();
        FindingTable table = new FindingTable(metrics.countFindings(FindingSink.NONE), 100);
        Object stream = new Object();
        table.add(stream, finding(Rule.MED_02, "gate/sub"));
        table.repeat(Rule.MED_02, stream, 2);
        table.repeat(Rule.MED_02, stream, 3);
        table.add(new Object(), finding(Rule.RTSP_01, null));
        PrometheusText text = PrometheusText.parse(metrics.scrape());

        assertThat(text.value("airlock_findings_total", "camera", "gate", "profile", "sub", "rule", "MED-02",
                "severity", Rule.MED_02.severity().label())).isEqualTo(3);
        assertThat(text.value("airlock_findings_total", "camera", "", "rule", "RTSP-01")).isEqualTo(1);
        table.repeat(Rule.MED_02, stream, 4);
        assertThat(PrometheusText.parse(metrics.scrape()).value("airlock_findings_total", "rule", "MED-02"))
                .as("repeats after the first scrape").isEqualTo(4);
    }

    @Test
    void shouldExposeTheLatencyHistogramWithExactPowerOfTwoBounds() {
        register();
        latency.record(1_000);
        latency.record((1 << 20) - 1);
        latency.record((1 << 20) + 1);
        latency.record(2_000_000_000L);
        PrometheusText text = PrometheusText.parse(metrics.scrape());

        String bucket = "airlock_pipeline_latency_seconds_bucket";
        assertThat(text.value(bucket, "le", "4.096E-6")).isEqualTo(1);
        assertThat(text.value(bucket, "le", "0.001048576")).as("2^20 - 1 ns is below 2^20 ns").isEqualTo(2);
        assertThat(text.value(bucket, "le", "0.002097152")).isEqualTo(3);
        assertThat(text.value(bucket, "le", "1.073741824")).isEqualTo(3);
        assertThat(text.value(bucket, "le", "+Inf")).isEqualTo(4);
        assertThat(text.value("airlock_pipeline_latency_seconds_count")).isEqualTo(4);
        assertThat(text.value("airlock_pipeline_latency_seconds_sum")).isCloseTo(2.002098152, offset(1e-9));
    }

    @Test
    void shouldReportTheRing() {
        register();
        PrometheusText text = PrometheusText.parse(metrics.scrape());
        assertThat(text.value("airlock_pipeline_ring_capacity")).isEqualTo(1024);
        assertThat(text.value("airlock_pipeline_ring_remaining")).isEqualTo(1000);
        assertThat(text.value("airlock_pipeline_events_total")).isEqualTo(99);
        assertThat(text.value("airlock_pipeline_handler_failures_total")).isZero();
    }

    private void register() {
        metrics.register(main);
        metrics.register(sub);
        metrics.register(new FixedPipeline(1024, 1000, 99, 0, latency));
    }

    private static Finding finding(Rule rule, String stream) {
        return new Finding(rule, rule.severity(), new StreamIdentity(stream, null, 0, null, 0, null, 0, -1), 1, -1);
    }
}
