package io.airlock.ingest;

import io.airlock.capture.CaptureFileReader;
import io.airlock.capture.CaptureRecord;
import io.airlock.capture.PacketDecoder;
import io.airlock.net.Flow;
import io.airlock.net.FlowTable;
import io.airlock.net.TcpReassembler;
import io.airlock.net.TcpStreamListener;
import io.airlock.pipeline.PacketKind;
import io.airlock.pipeline.PacketPublisher;
import io.airlock.rtsp.InterleavedFramer;
import io.airlock.rtsp.RtspFrameListener;
import io.airlock.wire.Rejection;
import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pcap or pcapng file and publishes what it carries: UDP payloads as they are (slices of the mapped file),
 * and TCP conversations that speak RTSP reassembled, then split into RTSP messages and {@code $} interleaved frames.
 * This is what a camera-side socket and Netty's decoders do in live mode, so the same inspectors follow. Every record
 * is also published whole as a {@link PacketKind#FRAME}, as live capture does, for the network watch.
 */
public final class CaptureSource implements SourceProgress, TcpStreamListener {

    private static final int MAX_FLOWS = 65_536;
    private static final int MAX_RTSP_CONNECTIONS = 4096;

    private final Path path;
    private final CaptureFileReader reader;
    private final CaptureRecord record = new CaptureRecord();
    private final PacketDecoder decoder = new PacketDecoder();
    private final FlowTable flows = new FlowTable(MAX_FLOWS);
    private final TcpReassembler tcp = new TcpReassembler();
    private final Map<Flow, FlowFramer> framers = new IdentityHashMap<>();
    private final Set<Flow> notRtsp = Collections.newSetFromMap(new IdentityHashMap<>());
    private final RejectionCounters rejections = new RejectionCounters();
    private PacketPublisher publisher;
    private long records;
    private long tcpGapBytes;
    private long framingErrors;

    private CaptureSource(Path path, CaptureFileReader reader) {
        this.path = path;
        this.reader = reader;
    }

    public static CaptureSource open(Path path) throws IOException {
        return new CaptureSource(path, CaptureFileReader.open(path));
    }

    /** Reads every record and publishes; ends with {@link PacketKind#END_OF_STREAM} for all streams. */
    public void run(PacketPublisher publisher) {
        this.publisher = publisher;
        while (reader.next(record)) {
            records++;
            publishFrame(publisher);
            Rejection r = decoder.decode(record);
            if (r != null) {
                rejections.increment(r);
                continue;
            }
            Flow flow = flows.lookup(decoder, record.timestampNs());
            long fileOffset = record.fileOffset() + (decoder.payloadOffset() - record.offset());
            if (decoder.protocol() == Flow.PROTO_UDP) {
                if (decoder.payloadLength() > 0) {
                    long seq = publisher.claim(PacketKind.UDP_DATAGRAM, record.buffer(), decoder.payloadOffset(),
                            decoder.payloadLength(), false);
                    publisher.event(seq).timestampNs(record.timestampNs()).sourceOffset(fileOffset).flow(flow);
                    publisher.publish(seq);
                }
            } else if (decoder.protocol() == Flow.PROTO_TCP && flow != flows.overflowFlow()) {
                tcp.segment(flow, decoder.tcpSequence(), decoder.tcpFlags(), record.buffer(), decoder.payloadOffset(),
                        decoder.payloadLength(), record.timestampNs(), fileOffset, this);
            }
        }
        // Deliver what waited for a gap that never filled, then close every stream.
        tcp.flushAll(this);
        long seq = publisher.claim();
        publisher.event(seq).set(PacketKind.END_OF_STREAM, null, 0, 0, false);
        publisher.publish(seq);
    }

    private void publishFrame(PacketPublisher publisher) {
        long seq = publisher.claim(PacketKind.FRAME, record.buffer(), record.offset(), record.capturedLength(), false);
        publisher.event(seq).timestampNs(record.timestampNs()).sourceOffset(record.fileOffset())
                .linkType(record.linkType());
        publisher.publish(seq);
    }

    @Override
    public void tcpData(Flow flow, ByteBuf buf, int off, int len, long nowNs, long fileOffset) {
        FlowFramer framer = framers.get(flow);
        if (framer == null) {
            if (notRtsp.contains(flow)) {
                return;
            }
            if (framers.size() >= MAX_RTSP_CONNECTIONS || !RtspSniff.looksLikeRtsp(buf, off, len)) {
                notRtsp.add(flow);
                return;
            }
            framer = new FlowFramer(flow);
            framers.put(flow, framer);
        }
        framer.timeNs = nowNs;
        framer.framer.feed(buf, off, len, fileOffset);
    }

    @Override
    public void tcpGap(Flow flow, long missingBytes) {
        tcpGapBytes += missingBytes;
        FlowFramer framer = framers.get(flow);
        if (framer != null) {
            framer.framer.reset();
        }
    }

    /** Rejections counted while reading and decoding (capture, link, IP, TCP layers). */
    public RejectionCounters rejections() {
        RejectionCounters all = new RejectionCounters();
        all.addAll(rejections);
        all.addAll(reader.rejections());
        return all;
    }

    /** Why reading stopped before the end of the file (with the byte offset), or null. */
    public String problem() {
        return reader.problem();
    }

    public long records() {
        return records;
    }

    public long tcpGapBytes() {
        return tcpGapBytes;
    }

    public long framingErrors() {
        return framingErrors;
    }

    public long flowsOverflowed() {
        return flows.overflowed();
    }

    public void close() throws IOException {
        reader.close();
    }

    @Override
    public long position() {
        return reader.position();
    }

    @Override
    public long size() {
        return reader.size();
    }

    public Path path() {
        return path;
    }

    /** Splits one TCP direction into RTSP messages and interleaved frames and publishes them. */
    private final class FlowFramer implements RtspFrameListener {

        final Flow flow;
        final InterleavedFramer framer;
        long timeNs;

        FlowFramer(Flow flow) {
            this.flow = flow;
            this.framer = new InterleavedFramer(this);
        }

        @Override
        public void rtspMessage(ByteBuf buf, int off, int len, boolean owned, long streamOffset) {
            long seq = publisher.claim(PacketKind.RTSP_MESSAGE, buf, off, len, owned);
            publisher.event(seq).timestampNs(timeNs).sourceOffset(streamOffset).flow(flow);
            publisher.publish(seq);
        }

        @Override
        public void interleavedFrame(int channel, ByteBuf buf, int off, int len, boolean owned, long streamOffset) {
            long seq = publisher.claim(PacketKind.RTP, buf, off, len, owned);
            publisher.event(seq).timestampNs(timeNs).sourceOffset(streamOffset).flow(flow).channel(channel);
            publisher.publish(seq);
        }

        @Override
        public void framingError(Rejection reason, long streamOffset, long skippedBytes) {
            framingErrors++;
            rejections.increment(reason);
        }
    }
}
