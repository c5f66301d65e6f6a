package io.airlock.watch;

import io.airlock.alert.Finding;
import io.airlock.alert.FindingTable;
import io.airlock.alert.Rule;
import io.airlock.alert.StreamIdentity;
import io.airlock.classify.ClassifiedEvidence;
import io.airlock.classify.Evidence;
import io.airlock.classify.Verdict;
import io.airlock.wire.Hex;
import io.netty.buffer.ByteBuf;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns the watch's verdicts into findings with the evidence an operator acts on: the camera, the peer and its port,
 * what the payload was and the bytes that matched, the name the camera resolved, counts each way and first/last
 * time. One finding per flow per rule; later packets only count.
 */
final class FlowFindings {

    private static final Rule[] RULES = Rule.values();
    private static final int MAX_LINK_SENDERS = 1024;
    private static final int SADP_SENDER_IP_OFFSET = 20;

    private final FindingTable table;
    private final String sourceName;
    private final Map<String, Object> linkSenders = new HashMap<>();

    FlowFindings(FindingTable table, String sourceName) {
        this.table = table;
        this.sourceName = sourceName;
    }

    /** Raises {@code rule} on the flow unless it already has. */
    void raise(WatchedFlow flow, Rule rule, ByteBuf buf, int off, int len, long nowNs) {
        long bit = 1L << rule.ordinal();
        if ((flow.raised & bit) != 0) {
            return;
        }
        flow.raised |= bit;
        CameraState camera = flow.camera;
        if (flow.dnsName == null) {
            flow.dnsName = camera.dnsNames.get(flow.peerHi(), flow.peerLo());
        }
        String peer = IpKey.text(flow.serverHi, flow.serverLo) + ":" + flow.serverPort;
        Finding f = new Finding(rule, rule.severity(), identity(flow), flow.firstSeenNs, -1);
        StringBuilder summary = new StringBuilder("camera ").append(camera.describe()).append(" -> ").append(peer)
                .append(' ').append(flow.protocolName()).append(": ").append(flow.verdict.label());
        if (flow.dnsName != null) {
            summary.append(" (").append(flow.dnsName).append(')');
        }
        if (rule == Rule.RTSP_01) {
            summary.append(", not to an RTSP client of the camera");
        }
        f.summary(summary.toString()).detail("camera", camera.describe()).detail("destination", peer)
                .detail("verdict", flow.verdict.id());
        if (flow.dnsName != null) {
            f.detail("dns_name", flow.dnsName);
        }
        ClassifiedEvidence evidence = flow.evidence;
        if (evidence == null && len > 0) {
            evidence = Evidence.describe(flow.verdict, buf, off, len);
        }
        addEvidence(f, evidence);
        counters(f, flow);
        table.add(flow, f);
    }

    /** Counts the packet on every finding the flow has raised. */
    void repeat(WatchedFlow flow, long nowNs) {
        long raised = flow.raised;
        while (raised != 0) {
            int ordinal = Long.numberOfTrailingZeros(raised);
            table.repeat(RULES[ordinal], flow, nowNs);
            raised &= raised - 1;
        }
    }

    /** Brings the per-direction counters of the flow's findings up to date (at expiry and at the end). */
    void refresh(WatchedFlow flow) {
        long raised = flow.raised;
        while (raised != 0) {
            int ordinal = Long.numberOfTrailingZeros(raised);
            Finding f = table.find(RULES[ordinal], flow);
            if (f != null) {
                counters(f, flow);
            }
            raised &= raised - 1;
        }
    }

    /** A request that exploits a camera flaw, seen travelling towards the camera: the client is the attacker. */
    void attack(WatchedFlow flow, Rule cve, ByteBuf buf, int off, int len, long nowNs) {
        long bit = 1L << cve.ordinal();
        if ((flow.raised & bit) != 0) {
            return;
        }
        flow.raised |= bit;
        String attacker = IpKey.text(flow.clientHi, flow.clientLo);
        String target = IpKey.text(flow.serverHi, flow.serverLo);
        String camera = flow.camera != null ? flow.camera.describe() : target;
        Finding f = new Finding(cve, cve.severity(), identity(flow), nowNs, -1);
        ClassifiedEvidence evidence = Evidence.describe(Verdict.HTTP_REQUEST, buf, off, len);
        f.summary(cve.title() + " from " + attacker + " against camera " + camera
                        + (evidence.summary().isEmpty() ? "" : ": " + evidence.summary()))
                .detail("attacker", attacker).detail("camera", camera)
                .detail("destination", target + ":" + flow.serverPort);
        addEvidence(f, evidence);
        counters(f, flow);
        table.add(flow, f);
    }

    /** A DNS question for a vendor cloud name, on the flow that carried it. */
    void cloudLookup(WatchedFlow flow, String qname, String cloud, long nowNs) {
        Finding existing = table.find(Rule.NET_03, flow);
        if (existing != null) {
            if (!existing.details().getOrDefault("qname", "").equals(qname)) {
                existing.detail("other_qname", qname);
            }
            return;
        }
        flow.raised |= 1L << Rule.NET_03.ordinal();
        Finding f = new Finding(Rule.NET_03, Rule.NET_03.severity(), identity(flow), nowNs, -1);
        f.summary("camera " + flow.camera.describe() + " looks up " + qname + " (" + cloud + ")")
                .detail("camera", flow.camera.describe()).detail("qname", qname).detail("cloud", cloud)
                .detail("resolver", IpKey.text(flow.peerHi(), flow.peerLo()) + ":" + flow.serverPort);
        counters(f, flow);
        table.add(flow, f);
    }

    /** A camera with more flows than its share of the table: the rest are aggregated on one finding. */
    void overflow(CameraState camera, long nowNs) {
        if (table.repeat(Rule.NET_01, camera.overflowSubject, nowNs) != null) {
            return;
        }
        Finding f = new Finding(Rule.NET_01, Rule.NET_01.severity(),
                new StreamIdentity(sourceName, camera.ip, 0, null, 0, null, -1, -1), nowNs, -1);
        f.summary("camera " + camera.describe() + " opened more flows than its share of the table ("
                + camera.flows + "); further flows are counted here, not tracked one by one")
                .detail("camera", camera.describe());
        table.add(camera.overflowSubject, f);
    }

    /** A non-IP frame the classifier recognised (Hikvision SADP at layer 2), keyed by the sending MAC address. */
    void linkFrame(Verdict verdict, ByteBuf buf, int frameOffset, int frameLength, long nowNs) {
        String mac = mac(buf, frameOffset + 6);
        Object subject = linkSenders.get(mac);
        if (subject != null) {
            table.repeat(verdict.rule(), subject, nowNs);
            return;
        }
        if (linkSenders.size() >= MAX_LINK_SENDERS) {
            return;
        }
        subject = new Object();
        linkSenders.put(mac, subject);
        int payload = frameOffset + 14;
        int payloadLength = frameLength - 14;
        Finding f = new Finding(verdict.rule(), verdict.rule().severity(),
                new StreamIdentity(sourceName, null, 0, null, 0, "ethernet", -1, -1), nowNs, -1);
        String sender = payloadLength >= SADP_SENDER_IP_OFFSET + 4
                ? IpKey.text(0, 0x0000_FFFF_0000_0000L | buf.getUnsignedInt(payload + SADP_SENDER_IP_OFFSET)) : "?";
        f.summary(verdict.label() + " frame from " + mac + " (sender address " + sender + ")")
                .detail("source_mac", mac).detail("destination_mac", mac(buf, frameOffset))
                .detail("sender_ip", sender).detail("verdict", verdict.id())
                .matched(Hex.of(buf, payload, payloadLength, 32));
        table.add(subject, f);
    }

    private StreamIdentity identity(WatchedFlow flow) {
        return new StreamIdentity(sourceName, IpKey.text(flow.clientHi, flow.clientLo), flow.clientPort,
                IpKey.text(flow.serverHi, flow.serverLo), flow.serverPort, flow.protocolName(), -1, -1);
    }

    private static void addEvidence(Finding f, ClassifiedEvidence evidence) {
        if (evidence == null) {
            return;
        }
        evidence.details().forEach((k, v) -> {
            if (k.equals("matched_hex")) {
                f.matched(v);
            } else {
                f.detail(k, v);
            }
        });
    }

    private static void counters(Finding f, WatchedFlow flow) {
        boolean out = flow.cameraIsClient;
        f.detail("packets_out", out ? flow.packetsFromClient : flow.packetsFromServer)
                .detail("bytes_out", out ? flow.bytesFromClient : flow.bytesFromServer)
                .detail("packets_in", out ? flow.packetsFromServer : flow.packetsFromClient)
                .detail("bytes_in", out ? flow.bytesFromServer : flow.bytesFromClient);
    }

    private static String mac(ByteBuf buf, int at) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Hex.of(buf, at + i, 1, 1));
        }
        return sb.toString();
    }
}
