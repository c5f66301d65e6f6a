package io.airlock.capture;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The few C library calls {@link LiveCapture} needs, bound by JNA direct mapping like {@link Libpcap}: poll(2) on
 * the capture socket and on an eventfd(2) that {@link LiveCapture#close()} signals, and memcpy(3) into direct
 * buffers (Netty's own copy needs sun.misc.Unsafe, which newer JDKs withhold).
 */
final class Libc {

    static final short POLLIN = 0x1;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;
    /** struct pollfd: int fd, short events, short revents. */
    static final int POLLFD_SIZE = 8;
    static final int POLLFD_EVENTS = 4;
    static final int POLLFD_REVENTS = 6;

    static {
        Native.register(Libc.class, Platform.C_LIBRARY_NAME);
    }

    private Libc() {
    }

    static native int poll(long fds, long nfds, int timeoutMillis);

    static native int eventfd(int initialValue, int flags);

    static native long write(int fd, long buffer, long count);

    static native int close(int fd);

    static native long memcpy(long destination, long source, long count);
}
