package io.airlock.capture;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.netty.buffer.ByteBuf;
import java.io.Closeable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Captures packets from a network interface through libpcap, filling the same {@link CaptureRecord} that
 * {@link CaptureFileReader} fills, so the code downstream cannot tell a live interface from a file.
 *
 * <p>Needs CAP_NET_RAW and nothing else. One thread reads with {@link #next}; any thread may call {@link #stats()}
 * and {@link #close()}. In steady state reading allocates nothing: libpcap's header and packet are read where
 * libpcap keeps them and the packet is copied once, into the caller's buffer.
 */
public final class LiveCapture implements Closeable {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final int OUT_POINTERS = 2 * Long.BYTES;

    private final long handle;
    private final int wakeFd;
    private final int timeoutMillis;
    private final String interfaceName;
    private final int snaplen;
    private final int linkType;
    private final long nanosPerTick;
    private final String warning;
    /** pcap_next_ex's two out-pointers: the packet header, then the packet data. */
    private final Memory out = new Memory(OUT_POINTERS);
    private final Memory statBuffer = new Memory(Libpcap.STAT_SIZE);
    /** poll(2) on the capture socket, then on the eventfd close() signals. */
    private final Memory pollFds = new Memory(2L * Libc.POLLFD_SIZE);
    private final Memory wakeValue = new Memory(Long.BYTES);
    private final Pointer header = new Pointer(0);
    private final Pointer data = new Pointer(0);
    private final AtomicBoolean closing = new AtomicBoolean();
    private byte[] scratch;
    private boolean closed;
    private volatile String problem;
    private LiveCaptureStats lastStats = LiveCaptureStats.NONE;

    private LiveCapture(long handle, int captureFd, int wakeFd, LiveCaptureOptions options, boolean nanos,
            String warning) {
        this.handle = handle;
        this.wakeFd = wakeFd;
        this.interfaceName = options.interfaceName();
        this.snaplen = options.snaplen();
        this.timeoutMillis = options.timeoutMillis();
        this.linkType = linkType(Libpcap.pcap_datalink(handle));
        this.nanosPerTick = nanos ? 1 : NANOS_PER_MICRO;
        this.warning = warning;
        pollFds.clear();
        pollFds.setInt(0, captureFd);
        pollFds.setShort(Libc.POLLFD_EVENTS, Libc.POLLIN);
        pollFds.setInt(Libc.POLLFD_SIZE, wakeFd);
        pollFds.setShort(Libc.POLLFD_SIZE + Libc.POLLFD_EVENTS, Libc.POLLIN);
        wakeValue.setLong(0, 1);
    }

    /** Starts capturing; the message of the exception says what to fix. */
    public static LiveCapture open(LiveCaptureOptions options) throws CaptureException {
        if (Libpcap.loadFailure() != null) {
            throw CaptureException.unavailable(Libpcap.loadFailure());
        }
        try (Memory errbuf = new Memory(Libpcap.ERRBUF_SIZE)) {
            errbuf.clear();
            long p = Libpcap.pcap_create(options.interfaceName(), Pointer.nativeValue(errbuf));
            if (p == 0) {
                throw CaptureException.failed(options.interfaceName(), "pcap_create", errbuf.getString(0));
            }
            try {
                return activate(p, options, errbuf);
            } catch (CaptureException | RuntimeException e) {
                Libpcap.pcap_close(p);
                throw e;
            }
        }
    }

    private static LiveCapture activate(long p, LiveCaptureOptions options, Memory errbuf) throws CaptureException {
        String name = options.interfaceName();
        // The setters fail only on an activated handle; pcap_activate reports anything they could not apply.
        Libpcap.pcap_set_snaplen(p, options.snaplen());
        Libpcap.pcap_set_promisc(p, options.promiscuous() ? 1 : 0);
        Libpcap.pcap_set_immediate_mode(p, options.immediate() ? 1 : 0);
        Libpcap.pcap_set_buffer_size(p, options.bufferBytes());
        Libpcap.pcap_set_timeout(p, options.timeoutMillis());
        boolean nanos = Libpcap.pcap_set_tstamp_precision(p, Libpcap.TSTAMP_PRECISION_NANO) == 0;
        int status = Libpcap.pcap_activate(p);
        if (status < 0) {
            throw activationFailure(p, status, name);
        }
        String warning = status > 0
                ? CaptureException.oneLine(Libpcap.pcap_statustostr(status) + ": " + Libpcap.pcap_geterr(p)) : null;
        if (options.bpfFilter() != null) {
            applyFilter(p, options.bpfFilter());
        }
        // On Linux a blocking pcap_next_ex waits for the first packet however long that takes: the timeout only
        // bounds buffering. So reads do not block, and next() waits in poll(2) with the timeout itself.
        if (Libpcap.pcap_setnonblock(p, 1, Pointer.nativeValue(errbuf)) != 0) {
            throw CaptureException.failed(name, "pcap_setnonblock", errbuf.getString(0));
        }
        int captureFd = Libpcap.pcap_get_selectable_fd(p);
        if (captureFd < 0) {
            throw CaptureException.failed(name, "pcap_get_selectable_fd", "no descriptor to wait on");
        }
        int wakeFd = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        if (wakeFd < 0) {
            throw CaptureException.failed(name, "eventfd", "error " + Native.getLastError());
        }
        return new LiveCapture(p, captureFd, wakeFd, options, nanos, warning);
    }

    private static CaptureException activationFailure(long p, int status, String name) {
        switch (status) {
            case Libpcap.ERROR_PERM_DENIED:
            case Libpcap.ERROR_PROMISC_PERM_DENIED:
                return CaptureException.permissionDenied(name);
            case Libpcap.ERROR_NO_SUCH_DEVICE:
                return CaptureException.noSuchInterface(name);
            case Libpcap.ERROR_IFACE_NOT_UP:
                return CaptureException.interfaceDown(name);
            default:
                return CaptureException.failed(name, Libpcap.pcap_statustostr(status), Libpcap.pcap_geterr(p));
        }
    }

    private static void applyFilter(long p, String filter) throws CaptureException {
        try (Memory program = new Memory(Libpcap.BPF_PROGRAM_SIZE)) {
            program.clear();
            long address = Pointer.nativeValue(program);
            if (Libpcap.pcap_compile(p, address, filter, 1, Libpcap.NETMASK_UNKNOWN) != 0) {
                throw CaptureException.badFilter(filter, Libpcap.pcap_geterr(p));
            }
            int status = Libpcap.pcap_setfilter(p, address);
            Libpcap.pcap_freecode(address);
            if (status != 0) {
                throw CaptureException.failed("BPF filter '" + filter + "'", "pcap_setfilter",
                        Libpcap.pcap_geterr(p));
            }
        }
    }

    /** LINKTYPE_* for a DLT_* value; they differ only for raw IP among the links Airlock decodes. */
    static int linkType(int dlt) {
        return dlt == PacketDecoder.DLT_RAW_12 || dlt == PacketDecoder.DLT_RAW_14 ? PacketDecoder.LINKTYPE_RAW : dlt;
    }

    /**
     * Waits up to the timeout for one packet, copies it into {@code into} (cleared first; its capacity must be at
     * least the snaplen) and points {@code record} at it. False on timeout, after {@link #close()}, and once capture
     * has failed ({@link #problem()} then says why).
     */
    public synchronized boolean next(CaptureRecord record, ByteBuf into) {
        if (into.capacity() < snaplen) {
            throw new IllegalArgumentException("buffer capacity " + into.capacity() + " is below snaplen " + snaplen);
        }
        if (closing.get() || problem != null) {
            return false;
        }
        int status = readOne();
        if (status == 0) {
            // Readable can still mean nothing for us (frames libpcap filters out itself): wait out the rest.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            for (long left = timeoutMillis; status == 0 && left > 0 && awaitReadable((int) left);
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime() + NANOS_PER_MILLI - 1)) {
                status = readOne();
            }
        }
        if (status != 1) {
            if (status < 0) {
                problem = "capture on " + interfaceName + " stopped: "
                        + CaptureException.oneLine(Libpcap.pcap_geterr(handle));
            }
            return false;
        }
        Pointer.nativeValue(header, out.getLong(0));
        Pointer.nativeValue(data, out.getLong(Long.BYTES));
        // libpcap never hands out more than the snaplen; the bound keeps a broken library from overrunning `into`.
        int length = Math.max(0, Math.min(header.getInt(Libpcap.PKTHDR_CAPLEN), snaplen));
        copy(length, into);
        long timestampNs = header.getLong(0) * NANOS_PER_SECOND
                + header.getLong(Libpcap.PKTHDR_TV_USEC) * nanosPerTick;
        long originalLength = Integer.toUnsignedLong(header.getInt(Libpcap.PKTHDR_LEN));
        record.set(into, 0, length, originalLength, -1, timestampNs, linkType, 0);
        return true;
    }

    /** pcap_next_ex without blocking: 1 with a packet, 0 when none is ready, negative on failure. */
    private int readOne() {
        long outAddress = Pointer.nativeValue(out);
        return Libpcap.pcap_next_ex(handle, outAddress, outAddress + Long.BYTES);
    }

    /** Waits up to {@code millis} for the capture socket; false on timeout, interruption or close. */
    private boolean awaitReadable(int millis) {
        pollFds.setShort(Libc.POLLFD_REVENTS, (short) 0);
        pollFds.setShort(Libc.POLLFD_SIZE + Libc.POLLFD_REVENTS, (short) 0);
        int ready = Libc.poll(Pointer.nativeValue(pollFds), 2, millis);
        return ready > 0 && !closing.get() && pollFds.getShort(Libc.POLLFD_REVENTS) != 0;
    }

    private void copy(int length, ByteBuf into) {
        into.clear();
        if (into.hasArray()) {
            data.read(0, into.array(), into.arrayOffset(), length);
        } else if (into.hasMemoryAddress()) {
            Libc.memcpy(into.memoryAddress(), Pointer.nativeValue(data), length);
        } else {
            if (scratch == null) {
                scratch = new byte[snaplen];
            }
            data.read(0, scratch, 0, length);
            into.setBytes(0, scratch, 0, length);
        }
        into.writerIndex(length);
    }

    /**
     * Counters since the capture started; after {@link #close()}, the last ones read. libpcap handles are not
     * thread-safe, so while another thread waits in {@link #next} this waits for it (at most the timeout).
     */
    public synchronized LiveCaptureStats stats() {
        if (closed) {
            return lastStats;
        }
        long address = Pointer.nativeValue(statBuffer);
        if (Libpcap.pcap_stats(handle, address) == 0) {
            lastStats = new LiveCaptureStats(Integer.toUnsignedLong(statBuffer.getInt(0)),
                    Integer.toUnsignedLong(statBuffer.getInt(Integer.BYTES)),
                    Integer.toUnsignedLong(statBuffer.getInt(2L * Integer.BYTES)));
        }
        return lastStats;
    }

    /** LINKTYPE_* of the interface (1 = Ethernet, 113 = Linux SLL for "any"). */
    public int linkType() {
        return linkType;
    }

    /** The interface captured on. */
    public String interfaceName() {
        return interfaceName;
    }

    /** What libpcap warned about when capture started (e.g. promiscuous mode unsupported), or null. */
    public String warning() {
        return warning;
    }

    /** Why capture stopped on its own (e.g. the interface went away), or null. One line. */
    public String problem() {
        return problem;
    }

    /** The libpcap version string, e.g. "libpcap version 1.10.3 (with TPACKET_V3)". */
    public static String libraryVersion() throws CaptureException {
        if (Libpcap.loadFailure() != null) {
            throw CaptureException.unavailable(Libpcap.loadFailure());
        }
        return Libpcap.pcap_lib_version();
    }

    /**
     * Stops capturing. Safe from any thread: a {@link #next} waiting for packets returns false at once, then the
     * handle is freed.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        // The descriptors are freed only below, after the reader has left next(), so signalling here is safe.
        Libc.write(wakeFd, Pointer.nativeValue(wakeValue), Long.BYTES);
        synchronized (this) {
            stats();
            closed = true;
            Libpcap.pcap_close(handle);
            Libc.close(wakeFd);
            out.close();
            statBuffer.close();
            pollFds.close();
            wakeValue.close();
        }
    }
}
