package io.airlock.capture;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The libpcap functions live capture needs, bound by JNA direct mapping. Handles and out-pointers travel as
 * {@code long} addresses (LP64), so a call allocates nothing; only the string-returning calls, used on error paths,
 * allocate.
 */
final class Libpcap {

    static final int ERRBUF_SIZE = 256;
    static final int NETMASK_UNKNOWN = 0xFFFFFFFF;
    static final int TSTAMP_PRECISION_NANO = 1;

    static final int ERROR = -1;
    static final int ERROR_NO_SUCH_DEVICE = -5;
    static final int ERROR_PERM_DENIED = -8;
    static final int ERROR_IFACE_NOT_UP = -9;
    static final int ERROR_PROMISC_PERM_DENIED = -11;

    /** struct pcap_pkthdr on LP64: struct timeval (2 x 8), caplen (4), len (4). */
    static final int PKTHDR_TV_USEC = 8;
    static final int PKTHDR_CAPLEN = 16;
    static final int PKTHDR_LEN = 20;
    /** struct bpf_program on LP64: u_int bf_len, padding, struct bpf_insn *bf_insns. */
    static final int BPF_PROGRAM_SIZE = 16;
    /** struct pcap_stat: ps_recv, ps_drop, ps_ifdrop (u_int each). */
    static final int STAT_SIZE = 12;

    /**
     * Debian ships libpcap.so.0.8 and only the -dev package adds the unversioned libpcap.so; other distributions
     * use libpcap.so.1.
     */
    private static final String[] NAMES = {"pcap", "libpcap.so.0.8", "libpcap.so.1"};

    static final String NOT_FOUND = "no library among pcap, libpcap.so.0.8, libpcap.so.1";

    private static final String LOAD_FAILURE = load();

    private Libpcap() {
    }

    private static String load() {
        try {
            // Reading this loads JNA's own native part first, so a failure there is not taken for a missing libpcap.
            if (Native.POINTER_SIZE != Long.BYTES) {
                return "live capture needs a 64-bit JVM";
            }
            NativeLibrary library = find(NAMES);
            if (library == null) {
                return NOT_FOUND;
            }
            Native.register(Libpcap.class, library);
            return null;
        } catch (LinkageError e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** The first of {@code names} that loads, or null. */
    static NativeLibrary find(String... names) {
        for (String name : names) {
            try {
                return NativeLibrary.getInstance(name);
            } catch (LinkageError e) {
                // try the next name
            }
        }
        return null;
    }

    /** Null when the functions are bound, {@link #NOT_FOUND} when no libpcap is installed, otherwise why not. */
    static String loadFailure() {
        return LOAD_FAILURE;
    }

    static native long pcap_create(String source, long errbuf);

    static native int pcap_set_snaplen(long p, int snaplen);

    static native int pcap_set_promisc(long p, int promisc);

    static native int pcap_set_immediate_mode(long p, int immediate);

    static native int pcap_set_buffer_size(long p, int bytes);

    static native int pcap_set_timeout(long p, int millis);

    static native int pcap_set_tstamp_precision(long p, int precision);

    static native int pcap_activate(long p);

    static native int pcap_setnonblock(long p, int nonblock, long errbuf);

    static native int pcap_get_selectable_fd(long p);

    static native int pcap_compile(long p, long program, String filter, int optimize, int netmask);

    static native int pcap_setfilter(long p, long program);

    static native void pcap_freecode(long program);

    static native int pcap_next_ex(long p, long headerOut, long dataOut);

    static native int pcap_stats(long p, long stats);

    static native int pcap_datalink(long p);

    static native String pcap_geterr(long p);

    static native String pcap_statustostr(int error);

    static native void pcap_close(long p);

    static native String pcap_lib_version();
}
