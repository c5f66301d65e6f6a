package io.airlock.capture;

/**
 * How to open a {@link LiveCapture}. Start from {@link #of(String)} and change what differs from the defaults.
 *
 * @param interfaceName network interface to capture on, e.g. {@code eth1}
 * @param snaplen       bytes kept of each packet (default 65535)
 * @param promiscuous   also capture frames not addressed to this host; only needed on a SPAN/mirror port (default
 *                      false)
 * @param bufferBytes   kernel capture buffer; a larger one rides out longer stalls before the kernel drops (default
 *                      8 MiB)
 * @param bpfFilter     BPF filter expression (pcap-filter(7)), or null to capture everything (the default)
 * @param timeoutMillis how long {@link LiveCapture#next} waits for a packet (default 100)
 * @param immediate     deliver each packet as it arrives instead of in batches (default true)
 */
public record LiveCaptureOptions(String interfaceName, int snaplen, boolean promiscuous, int bufferBytes,
        String bpfFilter, int timeoutMillis, boolean immediate) {

    public static final int DEFAULT_SNAPLEN = 65_535;
    public static final int DEFAULT_BUFFER_BYTES = 8 * 1024 * 1024;
    public static final int DEFAULT_TIMEOUT_MILLIS = 100;
    /** libpcap's own upper bound on the snapshot length (MAXIMUM_SNAPLEN). */
    public static final int MAX_SNAPLEN = 262_144;
    /** IFNAMSIZ less the terminating NUL. */
    public static final int MAX_INTERFACE_NAME = 15;
    public static final int MAX_FILTER_LENGTH = 4096;

    public LiveCaptureOptions {
        if (interfaceName == null || interfaceName.isEmpty() || interfaceName.length() > MAX_INTERFACE_NAME) {
            throw new IllegalArgumentException("interface name must have 1 to " + MAX_INTERFACE_NAME + " characters");
        }
        if (snaplen < 1 || snaplen > MAX_SNAPLEN) {
            throw new IllegalArgumentException("snaplen must be between 1 and " + MAX_SNAPLEN + ", not " + snaplen);
        }
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("capture buffer must be positive, not " + bufferBytes);
        }
        if (bpfFilter != null && bpfFilter.length() > MAX_FILTER_LENGTH) {
            throw new IllegalArgumentException("BPF filter is longer than " + MAX_FILTER_LENGTH + " characters");
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("capture timeout must be at least 1 ms, not " + timeoutMillis);
        }
    }

    /** The defaults on {@code interfaceName}. */
    public static LiveCaptureOptions of(String interfaceName) {
        return new LiveCaptureOptions(interfaceName, DEFAULT_SNAPLEN, false, DEFAULT_BUFFER_BYTES, null,
                DEFAULT_TIMEOUT_MILLIS, true);
    }

    public LiveCaptureOptions withSnaplen(int bytes) {
        return new LiveCaptureOptions(interfaceName, bytes, promiscuous, bufferBytes, bpfFilter, timeoutMillis,
                immediate);
    }

    public LiveCaptureOptions withPromiscuous(boolean on) {
        return new LiveCaptureOptions(interfaceName, snaplen, on, bufferBytes, bpfFilter, timeoutMillis, immediate);
    }

    public LiveCaptureOptions withBufferBytes(int bytes) {
        return new LiveCaptureOptions(interfaceName, snaplen, promiscuous, bytes, bpfFilter, timeoutMillis, immediate);
    }

    public LiveCaptureOptions withFilter(String filter) {
        return new LiveCaptureOptions(interfaceName, snaplen, promiscuous, bufferBytes, filter, timeoutMillis,
                immediate);
    }

    public LiveCaptureOptions withTimeoutMillis(int millis) {
        return new LiveCaptureOptions(interfaceName, snaplen, promiscuous, bufferBytes, bpfFilter, millis, immediate);
    }

    public LiveCaptureOptions withImmediate(boolean on) {
        return new LiveCaptureOptions(interfaceName, snaplen, promiscuous, bufferBytes, bpfFilter, timeoutMillis, on);
    }
}
