package io.airlock.capture;

/**
 * Live capture could not start or go on. The message is one line that says what to fix; callers show it as it is,
 * never with a stack trace.
 */
public final class CaptureException extends Exception {

    private static final long serialVersionUID = 1L;

    CaptureException(String message) {
        super(message);
    }

    /** Libpcap could not be bound; {@code failure} is {@link Libpcap#loadFailure()}. */
    static CaptureException unavailable(String failure) {
        if (Libpcap.NOT_FOUND.equals(failure)) {
            return new CaptureException("libpcap is not installed: apt-get install libpcap0.8");
        }
        return new CaptureException("libpcap cannot be loaded: " + oneLine(failure));
    }

    static CaptureException permissionDenied(String interfaceName) {
        return new CaptureException("capture on " + interfaceName + " needs CAP_NET_RAW: run as a service with"
                + " AmbientCapabilities=CAP_NET_RAW, or setcap cap_net_raw+ep on the java binary");
    }

    static CaptureException noSuchInterface(String interfaceName) {
        return new CaptureException("no network interface named " + interfaceName + " (see `ip link`)");
    }

    static CaptureException interfaceDown(String interfaceName) {
        return new CaptureException("network interface " + interfaceName + " is down: bring it up with `ip link set "
                + interfaceName + " up`");
    }

    static CaptureException badFilter(String filter, String pcapError) {
        return new CaptureException("BPF filter '" + oneLine(filter) + "' does not compile: " + oneLine(pcapError));
    }

    static CaptureException failed(String interfaceName, String what, String pcapError) {
        return new CaptureException("cannot capture on " + interfaceName + ": " + what + ": " + oneLine(pcapError));
    }

    /** Keeps text from libpcap or a configuration file on one line. */
    static String oneLine(String text) {
        if (text == null || text.isEmpty()) {
            return "no detail from libpcap";
        }
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ").replace('\t', ' ');
    }
}
