package io.airlock.alert.syslog;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name for the HOSTNAME field. Looked up on the sender thread: a name lookup may take seconds. */
final class LocalHost {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private LocalHost() {
    }

    /** The host name, or "-" (the NILVALUE) when there is none. */
    static String name() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // The name does not resolve; the kernel still knows it.
        }
        try {
            String name = Files.readString(KERNEL_HOSTNAME, StandardCharsets.US_ASCII).trim();
            return name.isEmpty() ? "-" : name;
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }
}
