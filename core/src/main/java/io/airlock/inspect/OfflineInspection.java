package io.airlock.inspect;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingSink;
import io.airlock.alert.FindingTable;
import io.airlock.codec.Codec;
import io.airlock.ingest.CaptureSource;
import io.airlock.ingest.ChunkedFileSource;
import io.airlock.ingest.ContainerSource;
import io.airlock.ingest.Format;
import io.airlock.ingest.FormatSniffer;
import io.airlock.ingest.MappedFile;
import io.airlock.ingest.SourceProgress;
import io.airlock.pipeline.InspectionPipeline;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.Track;
import io.airlock.pipeline.WaitStrategies;
import io.airlock.watch.WatchConfig;
import io.airlock.watch.WatchInspector;
import io.airlock.watch.WatchPolicy;
import io.airlock.wire.Hex;
import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;
import com.lmax.disruptor.dsl.ProducerType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.lmax.disruptor.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code airlock inspect} for one file: recognise the format, start the same pipeline live mode uses (control and
 * media inspectors on a Disruptor ring), run the matching source on the calling thread, drain, and collect the result.
 */
public final class OfflineInspection {

    /** Bound on distinct findings per stage and file. */
    public static final int MAX_FINDINGS = 10_000;
    private static final long DRAIN_TIMEOUT_SECONDS = 600;

    private final int ringSize;
    private final String waitStrategy;
    private final boolean fused;
    private final WatchPolicy watchPolicy;

    /**
     * @param ringSize     ring capacity (a power of two)
     * @param waitStrategy a name accepted by {@link WaitStrategies#byName}
     */
    public OfflineInspection(int ringSize, String waitStrategy) {
        this(ringSize, waitStrategy, Runtime.getRuntime().availableProcessors() < 4);
    }

    /**
     * @param fused run the stages on one thread (see {@link InspectionPipeline}); the default fuses them when the
     *              machine has fewer than four cores, one for the source and one per stage otherwise
     */
    public OfflineInspection(int ringSize, String waitStrategy, boolean fused) {
        this(ringSize, waitStrategy, fused, WatchPolicy.inferred());
    }

    /**
     * @param watchPolicy who is a camera and whom cameras may reach, for the network watch over captures
     */
    public OfflineInspection(int ringSize, String waitStrategy, boolean fused, WatchPolicy watchPolicy) {
        this.ringSize = ringSize;
        this.waitStrategy = waitStrategy;
        this.fused = fused;
        this.watchPolicy = watchPolicy;
    }

    /** The same, with the stages fused on machines with fewer than four cores. */
    public OfflineInspection(int ringSize, String waitStrategy, WatchPolicy watchPolicy) {
        this(ringSize, waitStrategy, Runtime.getRuntime().availableProcessors() < 4, watchPolicy);
    }

    /**
     * Inspects {@code file}.
     *
     * @param sink     told of each new finding as it is raised
     * @param progress given the running source so a caller can show progress
     * @throws InputException when the file cannot be read at all or is not a recording Airlock understands
     */
    public InspectionResult inspect(Path file, FindingSink sink, Consumer<SourceProgress> progress)
            throws InputException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try (MappedFile mapped = MappedFile.open(file)) {
            long size = mapped.size();
            if (size == 0) {
                throw new InputException(file + ": empty file (0 bytes)");
            }
            int headLength = (int) Math.min(size, FormatSniffer.HEAD_LENGTH);
            ByteBuf head = mapped.window(0, headLength);
            Format format = FormatSniffer.sniff(head, 0, headLength);
            if (format == Format.UNKNOWN) {
                throw new InputException(file + ": not a recording Airlock reads (pcap, pcapng, Annex B H.264/H.265,"
                        + " MPEG-PS, DHAV, mp4/mkv/ts) at byte 0; it starts " + Hex.of(head, 0, headLength, 8));
            }
            return run(file, format, mapped, sink, progress);
        } catch (IOException e) {
            throw new InputException(e.getMessage() != null && e.getMessage().startsWith(file.toString())
                    ? e.getMessage() : file + ": " + e.getMessage());
        }
    }

    private InspectionResult run(Path file, Format format, MappedFile mapped, FindingSink sink,
                                 Consumer<SourceProgress> progress) throws IOException, InputException {
        long startNs = System.nanoTime();
        String name = file.getFileName().toString();
        FindingTable controlFindings = new FindingTable(sink, MAX_FINDINGS);
        FindingTable mediaFindings = new FindingTable(sink, MAX_FINDINGS);
        InspectionContext controlContext = new InspectionContext(controlFindings);
        InspectionContext mediaContext = new InspectionContext(mediaFindings);
        SessionDirectory directory = new SessionDirectory();
        ControlInspector control = new ControlInspector(controlContext, directory, name);
        MediaInspector media = new MediaInspector(mediaContext, directory, name);
        FindingTable watchFindings = new FindingTable(sink, MAX_FINDINGS);
        WatchInspector watch = new WatchInspector(WatchConfig.of(watchPolicy), watchFindings, name);
        RejectionCounters sourceRejections = new RejectionCounters();
        String problem = null;
        long packets;
        long bytesRead;
        InspectionPipeline pipeline = new InspectionPipeline(ringSize, WaitStrategies.byName(waitStrategy),
                ProducerType.SINGLE, List.of(control, media, watch), fused);
        try {
            switch (format) {
                case PCAP:
                case PCAPNG: {
                    CaptureSource source = CaptureSource.open(file);
                    try {
                        progress.accept(source);
                        source.run(pipeline.publisher());
                        sourceRejections.addAll(source.rejections());
                        problem = source.problem();
                        bytesRead = source.position();
                    } finally {
                        source.close();
                    }
                    break;
                }
                case CONTAINER: {
                    ContainerSource source = ContainerSource.open(file, mapped.size());
                    try {
                        progress.accept(source);
                        source.run(pipeline.publisher());
                        if (source.errors() > 0) {
                            problem = file + ": " + source.errors() + " container packets could not be read";
                        }
                        bytesRead = mapped.size();
                    } finally {
                        source.close();
                    }
                    break;
                }
                default: {
                    Codec codec = format == Format.ANNEX_B_H265 ? Codec.H265
                            : format == Format.ANNEX_B_H264 ? Codec.H264 : Codec.UNKNOWN;
                    Track track = new Track(name, 0, null, codec);
                    track.encodingName(format.description());
                    ChunkedFileSource source = new ChunkedFileSource(mapped, kindOf(format), track);
                    progress.accept(source);
                    source.run(pipeline.publisher());
                    bytesRead = source.position();
                    break;
                }
            }
            packets = pipeline.publisher().published();
            pipeline.drainAndStop(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            pipeline.close();
            throw new InputException(file + ": inspection did not finish within " + DRAIN_TIMEOUT_SECONDS + " s");
        }
        List<Finding> findings = new ArrayList<>(controlFindings.findings());
        findings.addAll(mediaFindings.findings());
        findings.addAll(watchFindings.findings());
        RejectionCounters rejections = new RejectionCounters();
        rejections.addAll(sourceRejections);
        rejections.addAll(controlContext.rejections());
        rejections.addAll(mediaContext.rejections());
        rejections.addAll(watch.rejections());
        return new InspectionResult(file, format, mapped.size(), bytesRead, media.streams(), findings, rejections,
                problem, packets, control.messages(), pipeline.handlerFailures(), pipeline.firstFailure(),
                System.nanoTime() - startNs);
    }

    private static PacketKind kindOf(Format format) {
        switch (format) {
            case PROGRAM_STREAM:
                return PacketKind.PS_CHUNK;
            case DHAV:
                return PacketKind.DHAV_CHUNK;
            default:
                return PacketKind.ANNEX_B_CHUNK;
        }
    }
}
