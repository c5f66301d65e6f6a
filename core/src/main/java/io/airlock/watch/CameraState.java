package io.airlock.watch;

/**
 * What the watch knows about one camera: its address and configured name, the peers that pull its RTSP, the names
 * it resolved, and how many flows it holds in the table (bounded per camera; the rest is aggregated here).
 */
final class CameraState {

    private static final int MAX_RTSP_CLIENTS = 64;
    private static final int MAX_DNS_NAMES = 256;

    final long hi;
    final long lo;
    final String ip;
    final String name;
    final boolean inferred;
    final AddressTable<Boolean> rtspClients = new AddressTable<>(MAX_RTSP_CLIENTS);
    final AddressTable<String> dnsNames = new AddressTable<>(MAX_DNS_NAMES);
    /** A client sent SETUP to this camera: RTP that then goes to anyone else is redirection. */
    boolean setupSeen;
    int flows;
    /** Stands for the flows that did not fit, as the subject of their aggregate finding. */
    final Object overflowSubject = new Object();

    CameraState(long hi, long lo, String name, boolean inferred) {
        this.hi = hi;
        this.lo = lo;
        this.ip = IpKey.text(hi, lo);
        this.name = name;
        this.inferred = inferred;
    }

    /** "cam-lobby (10.1.0.20)" or just the address. */
    String describe() {
        return name == null ? ip : name + " (" + ip + ")";
    }
}
