package io.airlock.bench;

import io.airlock.classify.PayloadClassifier;
import io.airlock.classify.SamplePayloads;
import io.airlock.net.Flow;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@link PayloadClassifier#classify} per packet over what a camera network carries, laid out back to back in one
 * direct buffer: {@code camera} is 90 % RTP video and audio, then RTCP, DNS, NTP, TLS and HTTP, and 3 % phone-home
 * kinds (STUN, SRT, PTCP, DHGET, SIP, SSDP, SADP, DHIP, ONVIF, RTMP) in a fixed shuffled order; {@code rtp} is the
 * video packets alone, the common case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifyBenchmark {

    private static final int PACKETS = 1000;
    private static final long SSRC = 0x4B1D_0001L;

    @Param({"camera", "rtp"})
    public String mix;

    private ByteBuf buffer;
    private int[] offsets;
    private int[] lengths;
    private int[] protocols;
    private int[] ports;
    private int index;

    /** One packet of the mix: payload bytes, transport and destination port. */
    private record Packet(byte[] payload, int protocol, int port) {
    }

    @Setup
    public void setUp() {
        Random random = new Random(2026);
        List<Packet> packets = new ArrayList<>(PACKETS);
        boolean camera = "camera".equals(mix);
        for (int i = 0; packets.size() < PACKETS; i++) {
            int roll = camera ? random.nextInt(100) : 0;
            if (roll < 85) {
                byte[] body = new byte[1200 + random.nextInt(200)];
                random.nextBytes(body);
                body[0] = 0x7C;
                packets.add(udp(SamplePayloads.rtpPacket(96, i, i * 3600L, SSRC, body), 50000));
            } else if (roll < 90) {
                packets.add(udp(SamplePayloads.rtpPacket(8, i, i * 160L, SSRC + 1, new byte[160]), 50002));
            } else if (roll < 92) {
                packets.add(udp(SamplePayloads.rtcpSenderReport(SSRC), 50001));
            } else if (roll < 94) {
                packets.add(udp(random.nextBoolean() ? SamplePayloads.dnsQuery("pool.ntp.org")
                        : SamplePayloads.dnsResponseA("pool.ntp.org", new byte[] {(byte) 192, 0, 2, 1}), 53));
            } else if (roll < 95) {
                packets.add(udp(SamplePayloads.ntpClientRequest(), 123));
            } else if (roll < 96) {
                packets.add(new Packet(SamplePayloads.tlsClientHello("api.hik-connect.com"), Flow.PROTO_TCP, 443));
            } else if (roll < 97) {
                packets.add(new Packet(SamplePayloads.httpGet("10.1.0.1", "/ISAPI/System/time"), Flow.PROTO_TCP, 80));
            } else {
                packets.add(phoneHome(random.nextInt(10)));
            }
        }
        Collections.shuffle(packets, random);
        int total = packets.stream().mapToInt(p -> p.payload().length).sum();
        buffer = Unpooled.directBuffer(total, total);
        offsets = new int[PACKETS];
        lengths = new int[PACKETS];
        protocols = new int[PACKETS];
        ports = new int[PACKETS];
        for (int i = 0; i < PACKETS; i++) {
            Packet p = packets.get(i);
            offsets[i] = buffer.writerIndex();
            lengths[i] = p.payload().length;
            protocols[i] = p.protocol();
            ports[i] = p.port();
            buffer.writeBytes(p.payload());
        }
    }

    private static Packet phoneHome(int kind) {
        return switch (kind) {
            case 0 -> udp(SamplePayloads.stunBindingRequest(), 6000);
            case 1 -> udp(SamplePayloads.srtHandshake(), 6000);
            case 2 -> udp(SamplePayloads.dahuaPtcp(), 8800);
            case 3 -> udp(SamplePayloads.dahuaDhget(), 8800);
            case 4 -> udp(SamplePayloads.sipRegisterGb28181(), 5060);
            case 5 -> udp(SamplePayloads.ssdpIgdSearch(), 1900);
            case 6 -> udp(SamplePayloads.sadpProbe(), 37020);
            case 7 -> udp(SamplePayloads.dhipDiscovery(), 37810);
            case 8 -> udp(SamplePayloads.onvifProbe(), 3702);
            default -> new Packet(SamplePayloads.rtmpC0C1(), Flow.PROTO_TCP, 1935);
        };
    }

    private static Packet udp(byte[] payload, int port) {
        return new Packet(payload, Flow.PROTO_UDP, port);
    }

    /** Classifies the next packet of the mix; ns/op is ns per packet. */
    @Benchmark
    public int classify() {
        int i = index;
        index = i + 1 == PACKETS ? 0 : i + 1;
        return PayloadClassifier.classify(protocols[i], 40000, ports[i], buffer, offsets[i], lengths[i]).ordinal();
    }
}
