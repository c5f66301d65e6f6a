package io.airlock.bench;

import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.codec.Codec;
import io.airlock.inspect.InspectionContext;
import io.airlock.inspect.MediaInspector;
import io.airlock.inspect.SessionDirectory;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.Track;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One op = the media stage on the next RTP packet of a camera stream: {@link MediaInspector#onEvent} parses the RTP
 * header, updates the stream's statistics, depacketizes and inspects every NAL unit (SEI, SPS, header rules). Goal:
 * 50 ns and 0 B per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacketInspectBenchmark {

    @Param({"H264", "H265"})
    public String codec;

    @Param({"camera1080p", "recording"})
    public String stream;

    private final PacketEvent event = new PacketEvent();
    private PacketRing ring;
    private MediaInspector inspector;
    private FindingTable findings;
    private Track track;
    private long sequence;

    @Setup
    public void setUp() {
        Codec c = Codec.valueOf(codec);
        ring = new PacketRing(c, stream);
        findings = new FindingTable(FindingSink.NONE, 10_000);
        inspector = new MediaInspector(new InspectionContext(findings), new SessionDirectory(), "bench");
        track = new Track("bench", 0, null, c);
    }

    @Benchmark
    public long inspectNextPacket() {
        int i = ring.next();
        event.set(PacketKind.RTP, ring.buffer(), ring.offset(i), ring.length(i), false).track(track);
        inspector.onEvent(event, sequence++, true);
        return sequence;
    }

    @TearDown
    public void checkClean() {
        if (!findings.findings().isEmpty()) {
            System.out.println("findings: " + findings.findings().size() + ", first: " + findings.findings().get(0));
        }
    }
}
