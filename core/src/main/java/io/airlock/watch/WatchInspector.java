package io.airlock.watch;

import com.lmax.disruptor.EventHandler;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.capture.LinkRejection;
import io.airlock.capture.PacketDecoder;
import io.airlock.classify.CveMatcher;
import io.airlock.classify.Evidence;
import io.airlock.classify.PayloadClassifier;
import io.airlock.classify.Verdict;
import io.airlock.net.Flow;
import io.airlock.pipeline.PacketEvent;
import io.airlock.pipeline.PacketKind;
import io.airlock.wire.Rejection;
import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;

import java.util.function.Consumer;

/**
 * The camera network watch: a pipeline stage that reads every captured frame ({@link PacketKind#FRAME}), keeps the
 * two-way flow table, works out which hosts are cameras, classifies each flow by its payload and raises NET-0x,
 * RTSP-01 and CVE findings, one per flow per rule. Live capture and {@code airlock inspect} on a capture feed it
 * the same frames, so they report the same flows.
 */
public final class WatchInspector implements EventHandler<PacketEvent> {

    /** How many payload segments of a flow's client side are checked for attack requests. */
    private static final int CVE_SEGMENTS = 8;
    private static final long SWEEP_INTERVAL_NS = 1_000_000_000L;
    private static final int DHCP_SERVER_PORT = 67;
    private static final int DHCP_CLIENT_PORT = 68;
    private static final int DNS_PORT = 53;

    private final WatchConfig config;
    private final PacketDecoder decoder = new PacketDecoder();
    private final WatchFlowTable flows;
    private final Cameras cameras;
    private final FlowFindings findings;
    private final DnsObserver dns;
    private final RejectionCounters rejections = new RejectionCounters();
    private final RejectionCounters frameRejections = new RejectionCounters();
    private final WatchCounters counters = new WatchCounters();
    // Bound once: a method reference written at the call site would be a new object per packet.
    private final Consumer<CameraState> onPromoted = this::promoted;
    private final Consumer<WatchedFlow> onExpired = this::expired;
    private long nextSweepNs = Long.MIN_VALUE;
    private long nowNs;

    public WatchInspector(WatchConfig config, FindingTable table, String sourceName) {
        this.config = config;
        this.flows = new WatchFlowTable(config.maxFlows());
        this.cameras = new Cameras(config.policy());
        this.findings = new FlowFindings(table, sourceName);
        this.dns = new DnsObserver(findings, rejections);
        counters.cameras = cameras.count();
    }

    @Override
    public void onEvent(PacketEvent event, long sequence, boolean endOfBatch) {
        PacketKind kind = event.kind();
        if (kind == PacketKind.FRAME) {
            nowNs = event.timestampNs();
            onFrame(event.linkType(), event.buffer(), event.offset(), event.length());
            sweepIfDue();
        } else if (kind == PacketKind.IDLE) {
            nowNs = event.timestampNs();
            sweepIfDue();
        } else if (kind == PacketKind.END_OF_STREAM) {
            flows.forEach(this::ended);
        }
    }

    /** Counters for reports and metrics. */
    public WatchCounters counters() {
        return counters;
    }

    /** Payloads the watch could not read (malformed DNS), by reason. */
    public RejectionCounters rejections() {
        return rejections;
    }

    /**
     * Frames the link/IP decoder refused, by reason. A capture file's reader counts the same frames, so an offline
     * report takes these from the source instead.
     */
    public RejectionCounters frameRejections() {
        return frameRejections;
    }

    private void onFrame(int linkType, ByteBuf buf, int offset, int length) {
        counters.frames++;
        Rejection r = decoder.decode(linkType, buf, offset, length);
        if (r == LinkRejection.NOT_IP) {
            onLinkFrame(linkType, buf, offset, length);
            return;
        }
        if (r != null) {
            frameRejections.increment(r);
            return;
        }
        int protocol = decoder.protocol();
        int v = decoder.ipVersion();
        long srcHi = IpKey.hi(v, decoder.sourceAddress());
        long srcLo = IpKey.lo(v, decoder.sourceAddress());
        long dstHi = IpKey.hi(v, decoder.destinationAddress());
        long dstLo = IpKey.lo(v, decoder.destinationAddress());
        int srcPort = decoder.sourcePort();
        int dstPort = decoder.destinationPort();
        boolean fromClient = true;
        WatchedFlow flow = flows.find(protocol, srcHi, srcLo, srcPort, dstHi, dstLo, dstPort);
        if (flow == null) {
            flow = flows.find(protocol, dstHi, dstLo, dstPort, srcHi, srcLo, srcPort);
            fromClient = false;
        }
        int payloadOffset = decoder.payloadOffset();
        int payloadLength = decoder.payloadLength();
        long wireBytes = payloadLength;
        if (flow == null) {
            flow = newFlow(protocol, srcHi, srcLo, srcPort, dstHi, dstLo, dstPort);
            if (flow == null) {
                return;
            }
            fromClient = flow.clientPort == srcPort && flow.clientLo == srcLo && flow.clientHi == srcHi;
        }
        flow.count(fromClient, wireBytes, nowNs);
        flows.touch(flow);
        findings.repeat(flow, nowNs);
        if (protocol == Flow.PROTO_TCP || protocol == Flow.PROTO_UDP) {
            onTransport(flow, fromClient, buf, payloadOffset, payloadLength);
        }
    }

    private WatchedFlow newFlow(int protocol, long srcHi, long srcLo, int srcPort, long dstHi, long dstLo,
                                int dstPort) {
        // A TCP segment without SYN seen first (capture started mid-connection): the side with the lower, service
        // port is the server, so the flow is not turned around.
        boolean serverSpoke = protocol == Flow.PROTO_TCP && !decoder.syn() && srcPort < dstPort && srcPort < 1024;
        return serverSpoke ? create(protocol, dstHi, dstLo, dstPort, srcHi, srcLo, srcPort)
                : create(protocol, srcHi, srcLo, srcPort, dstHi, dstLo, dstPort);
    }

    private WatchedFlow create(int protocol, long cHi, long cLo, int cPort, long sHi, long sLo, int sPort) {
        CameraState camera = cameras.owner(cHi, cLo, sHi, sLo);
        WatchedFlow flow = camera != null && camera.flows >= config.maxFlowsPerCamera() ? null
                : flows.add(protocol, cHi, cLo, cPort, sHi, sLo, sPort, nowNs);
        if (flow == null) {
            counters.overflowPackets++;
            if (camera != null) {
                findings.overflow(camera, nowNs);
            }
            return null;
        }
        counters.flowsCreated++;
        counters.flows = flows.size();
        attach(flow, camera);
        return flow;
    }

    private void attach(WatchedFlow flow, CameraState camera) {
        if (camera == null) {
            return;
        }
        flow.camera = camera;
        flow.cameraIsClient = camera.hi == flow.clientHi && camera.lo == flow.clientLo;
        camera.flows++;
        flow.dnsName = camera.dnsNames.get(flow.peerHi(), flow.peerLo());
    }

    private void onTransport(WatchedFlow flow, boolean fromClient, ByteBuf buf, int off, int len) {
        int protocol = flow.protocol;
        int srcPort = fromClient ? flow.clientPort : flow.serverPort;
        int dstPort = fromClient ? flow.serverPort : flow.clientPort;
        if (!flow.classifiedByPayload) {
            if (len > 0) {
                flow.verdict = PayloadClassifier.classify(protocol, srcPort, dstPort, buf, off, len);
                flow.classifiedByPayload = true;
                flow.decided = true;
                flow.evidence = Evidence.describe(flow.verdict, buf, off, len);
            } else if (protocol == Flow.PROTO_UDP || gaveUp(flow, fromClient)) {
                flow.verdict = PayloadClassifier.portHint(protocol, flow.serverPort);
                flow.decided = true;
            }
        }
        if (len > 0) {
            learn(flow, fromClient, buf, off, len);
            if (protocol == Flow.PROTO_UDP && (srcPort == DNS_PORT || dstPort == DNS_PORT
                    || flow.verdict == Verdict.DNS)) {
                dns.onDatagram(flow, fromClient, buf, off, len, nowNs);
            }
            // Whoever receives an exploit for a camera flaw is taken for a camera, known or not.
            if (protocol == Flow.PROTO_TCP && fromClient && (flow.camera == null || !flow.cameraIsClient)
                    && flow.packetsFromClient <= CVE_SEGMENTS) {
                Rule cve = CveMatcher.match(buf, off, len);
                if (cve != null) {
                    findings.attack(flow, cve, buf, off, len, nowNs);
                }
            }
        }
        evaluate(flow, buf, off, len);
    }

    /**
     * A TCP flow is judged on its first payload, so that a connection is reported once, for what it carried. One
     * that never carries any is judged by its port when it is refused or closed, or when its SYN is sent again for
     * want of an answer.
     */
    private boolean gaveUp(WatchedFlow flow, boolean fromClient) {
        return decoder.rst() || decoder.fin() || fromClient && decoder.syn() && flow.packetsFromClient > 1;
    }

    /** Camera inference from RTSP and RTP, and the SETUP that makes later RTP elsewhere a redirection. */
    private void learn(WatchedFlow flow, boolean fromClient, ByteBuf buf, int off, int len) {
        if (flow.verdict == Verdict.RTSP || flow.protocol == Flow.PROTO_TCP && flow.packetsFromServer <= 2) {
            if (!fromClient && startsWith(buf, off, len, "RTSP/1.0")) {
                cameras.rtspServer(flow, onPromoted);
            } else if (fromClient && startsWith(buf, off, len, "SETUP ") && flow.camera != null
                    && !flow.cameraIsClient) {
                flow.camera.setupSeen = true;
            }
        } else if (fromClient && flow.protocol == Flow.PROTO_UDP && flow.camera == null
                && (flow.verdict == Verdict.RTP || flow.verdict == Verdict.RTP_PS)) {
            cameras.rtpSender(flow, onPromoted);
        }
    }

    /** A host just became a camera: the flows it already has are its own now, and are judged as such. */
    private void promoted(CameraState camera) {
        counters.camerasInferred++;
        counters.cameras = cameras.count();
        flows.forEach(f -> {
            if (f.camera == null && (f.clientHi == camera.hi && f.clientLo == camera.lo
                    || f.serverHi == camera.hi && f.serverLo == camera.lo)) {
                attach(f, camera);
                evaluate(f, null, 0, 0);
            }
        });
    }

    private void evaluate(WatchedFlow flow, ByteBuf buf, int off, int len) {
        CameraState camera = flow.camera;
        if (camera == null || !flow.cameraIsClient || !flow.decided) {
            return;
        }
        if (flow.protocol == Flow.PROTO_UDP && flow.clientPort == DHCP_CLIENT_PORT
                && flow.serverPort == DHCP_SERVER_PORT) {
            return;
        }
        long hi = flow.serverHi;
        long lo = flow.serverLo;
        Verdict verdict = flow.verdict;
        Rule rule = verdict.rule();
        if (rule == null) {
            if (cameras.sanctioned(camera, hi, lo)) {
                return;
            }
            if ((verdict == Verdict.RTP || verdict == Verdict.RTP_PS) && camera.setupSeen) {
                rule = Rule.RTSP_01;
            } else {
                rule = IpKey.isGroup(hi, lo) ? Rule.NET_06 : Rule.NET_01;
            }
        }
        findings.raise(flow, rule, buf, off, len, nowNs);
    }

    private void onLinkFrame(int linkType, ByteBuf buf, int offset, int length) {
        if (linkType != PacketDecoder.LINKTYPE_ETHERNET || length < PacketDecoder.ETHERNET_HEADER_LENGTH) {
            frameRejections.increment(LinkRejection.NOT_IP);
            return;
        }
        int payload = offset + PacketDecoder.ETHERNET_HEADER_LENGTH;
        Verdict v = PayloadClassifier.classifyFrame(decoder.etherType(), buf, payload, offset + length - payload);
        if (v != Verdict.UNKNOWN) {
            findings.linkFrame(v, buf, offset, length, nowNs);
        }
    }

    private void sweepIfDue() {
        if (nowNs < nextSweepNs) {
            return;
        }
        if (nextSweepNs != Long.MIN_VALUE) {
            counters.flowsExpired += flows.expire(nowNs - config.flowIdleNs(), onExpired);
            counters.flows = flows.size();
        }
        nextSweepNs = nowNs + SWEEP_INTERVAL_NS;
    }

    /** The capture ended or the flow went idle: a connection still waiting for payload is judged as it stands. */
    private void ended(WatchedFlow flow) {
        if (!flow.decided) {
            flow.verdict = PayloadClassifier.portHint(flow.protocol, flow.serverPort);
            flow.decided = true;
            evaluate(flow, null, 0, 0);
        }
        findings.refresh(flow);
    }

    private void expired(WatchedFlow flow) {
        ended(flow);
        if (flow.camera != null) {
            flow.camera.flows--;
        }
    }

    private static boolean startsWith(ByteBuf buf, int off, int len, String prefix) {
        if (len < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buf.getByte(off + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
