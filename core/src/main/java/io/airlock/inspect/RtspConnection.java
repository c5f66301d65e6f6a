package io.airlock.inspect;

import io.airlock.alert.StreamIdentity;
import io.airlock.net.Flow;
import io.airlock.sdp.SessionDescription;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The control stage's memory of one RTSP connection: the requests awaiting replies (by CSeq), the session description
 * from DESCRIBE, and how many SETUPs have been answered (to pair SETUPs with SDP tracks when URLs do not match).
 */
final class RtspConnection {

    private static final int MAX_PENDING = 64;

    record PendingRequest(int cseq, String method, String uri, String transport) {
    }

    private final Flow requestFlow;
    private final StreamIdentity identity;
    private final Deque<PendingRequest> pending = new ArrayDeque<>();
    private SessionDescription sdp;
    private String contentBase;
    private String describeUri;
    private int setups;

    RtspConnection(Flow requestFlow, String file) {
        this.requestFlow = requestFlow;
        this.identity = StreamIdentity.of(file, requestFlow);
    }

    /** The client-to-server direction: its source is the client (recorder), its destination the server (camera). */
    Flow requestFlow() {
        return requestFlow;
    }

    StreamIdentity identity() {
        return identity;
    }

    String clientIp() {
        return requestFlow.sourceIp();
    }

    String serverIp() {
        return requestFlow.destinationIp();
    }

    void request(PendingRequest request) {
        if (pending.size() >= MAX_PENDING) {
            pending.removeFirst();
        }
        pending.addLast(request);
    }

    /** The request answered by a reply with this CSeq (the latest request when the reply has no usable CSeq). */
    PendingRequest answer(int cseq) {
        for (PendingRequest p : pending) {
            if (p.cseq() == cseq) {
                pending.remove(p);
                return p;
            }
        }
        return cseq < 0 ? pending.pollLast() : null;
    }

    SessionDescription sdp() {
        return sdp;
    }

    void sdp(SessionDescription sdp, String contentBase, String describeUri) {
        this.sdp = sdp;
        this.contentBase = contentBase;
        this.describeUri = describeUri;
        this.setups = 0;
    }

    /** Base URL for relative control attributes (RFC 2326 C.1.1): Content-Base, else the DESCRIBE URI. */
    String base() {
        return contentBase != null ? contentBase : describeUri;
    }

    int nextSetupIndex() {
        return setups++;
    }
}
