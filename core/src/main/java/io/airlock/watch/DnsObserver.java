package io.airlock.watch;

import io.airlock.classify.VendorClouds;
import io.airlock.dns.DnsMessage;
import io.airlock.dns.DnsRecord;
import io.airlock.wire.Rejection;
import io.airlock.wire.RejectionCounters;
import io.netty.buffer.ByteBuf;

/**
 * Reads a camera's DNS: questions for vendor clouds raise NET-03 on the flow, and the answers teach the camera's
 * name table which name each address had, so later flows to it carry the name as evidence.
 */
final class DnsObserver {

    private static final int MAX_QUESTIONS = 4;
    private static final int MAX_ANSWERS = 32;

    private final FlowFindings findings;
    private final RejectionCounters rejections;
    private final DnsMessage message = new DnsMessage();
    private final DnsRecord record = new DnsRecord();
    private final StringBuilder name = new StringBuilder(256);

    DnsObserver(FlowFindings findings, RejectionCounters rejections) {
        this.findings = findings;
        this.rejections = rejections;
    }

    void onDatagram(WatchedFlow flow, boolean fromClient, ByteBuf buf, int off, int len, long nowNs) {
        CameraState camera = flow.camera;
        if (camera == null) {
            return;
        }
        boolean fromCamera = fromClient == flow.cameraIsClient;
        Rejection r = message.wrap(buf, off, len);
        if (r != null) {
            rejections.increment(r);
            return;
        }
        if (fromCamera && !message.isResponse()) {
            questions(flow, nowNs);
        } else if (!fromCamera && message.isResponse()) {
            answers(camera);
        }
    }

    private void questions(WatchedFlow flow, long nowNs) {
        int n = Math.min(message.questionCount(), MAX_QUESTIONS);
        for (int i = 0; i < n; i++) {
            name.setLength(0);
            if (!message.questionName(i, name)) {
                return;
            }
            String cloud = VendorClouds.match(name);
            if (cloud != null) {
                findings.cloudLookup(flow, name.toString(), cloud, nowNs);
            }
        }
    }

    private static boolean isAddress(DnsRecord r) {
        return r.type() == DnsMessage.TYPE_A || r.type() == DnsMessage.TYPE_AAAA;
    }

    /** Maps each answered address to the name the camera asked for (not the CNAME target it ended at). */
    private void answers(CameraState camera) {
        name.setLength(0);
        if (message.questionCount() < 1 || !message.questionName(0, name)) {
            return;
        }
        String asked = null;
        int n = Math.min(message.answerCount(), MAX_ANSWERS);
        for (int i = 0; i < n; i++) {
            if (!message.answer(i, record) || !isAddress(record)) {
                continue;
            }
            if (asked == null) {
                asked = name.toString();
            }
            int version = record.addressLength() == 4 ? 4 : 6;
            camera.dnsNames.put(IpKey.hi(version, record.address()), IpKey.lo(version, record.address()), asked);
        }
    }
}
