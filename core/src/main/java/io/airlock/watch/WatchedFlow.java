package io.airlock.watch;

import io.airlock.classify.ClassifiedEvidence;
import io.airlock.classify.Verdict;

/**
 * One conversation on the camera network, both directions: the side that spoke first is the client. Keeps what an
 * operator needs to act on a finding: the 5-tuple, first and last seen, packets and bytes each way, what the payload
 * said it is, and the DNS name the camera resolved for the peer. Mutated only by the watch thread.
 */
final class WatchedFlow {

    int protocol;
    long clientHi;
    long clientLo;
    int clientPort;
    long serverHi;
    long serverLo;
    int serverPort;

    /** The camera this flow belongs to, or null while neither end is known to be one. */
    CameraState camera;
    /** True when the camera opened the flow (outbound), false when a peer reached the camera. */
    boolean cameraIsClient;

    long firstSeenNs;
    long lastSeenNs;
    long packetsFromClient;
    long bytesFromClient;
    long packetsFromServer;
    long bytesFromServer;

    Verdict verdict = Verdict.UNKNOWN;
    /** The verdict came from payload bytes, not from a bare connection attempt. */
    boolean classifiedByPayload;
    /** The flow has been judged: its first payload was seen, or it is clear none is coming. */
    boolean decided;
    ClassifiedEvidence evidence;
    String dnsName;
    /** Bit per rule ordinal: rules already raised on this flow. */
    long raised;
    /** Neighbours in the table's least-recently-seen order. */
    WatchedFlow older;
    WatchedFlow newer;

    void set(int protocol, long clientHi, long clientLo, int clientPort, long serverHi, long serverLo, int serverPort,
             long nowNs) {
        this.protocol = protocol;
        this.clientHi = clientHi;
        this.clientLo = clientLo;
        this.clientPort = clientPort;
        this.serverHi = serverHi;
        this.serverLo = serverLo;
        this.serverPort = serverPort;
        this.firstSeenNs = nowNs;
        this.lastSeenNs = nowNs;
    }

    boolean matches(int protocol, long aHi, long aLo, int aPort, long bHi, long bLo, int bPort) {
        return this.protocol == protocol && clientPort == aPort && serverPort == bPort && clientHi == aHi
                && clientLo == aLo && serverHi == bHi && serverLo == bLo;
    }

    void count(boolean fromClient, long wireBytes, long nowNs) {
        if (fromClient) {
            packetsFromClient++;
            bytesFromClient += wireBytes;
        } else {
            packetsFromServer++;
            bytesFromServer += wireBytes;
        }
        if (nowNs > lastSeenNs) {
            lastSeenNs = nowNs;
        }
    }

    /** The camera's peer: the server of an outbound flow, the client of an inbound one. */
    long peerHi() {
        return cameraIsClient ? serverHi : clientHi;
    }

    long peerLo() {
        return cameraIsClient ? serverLo : clientLo;
    }

    String protocolName() {
        return protocol == 6 ? "tcp" : protocol == 17 ? "udp" : Integer.toString(protocol);
    }

    @Override
    public String toString() {
        return protocolName() + " " + IpKey.text(clientHi, clientLo) + ":" + clientPort + " -> "
                + IpKey.text(serverHi, serverLo) + ":" + serverPort + " " + verdict.id();
    }
}
