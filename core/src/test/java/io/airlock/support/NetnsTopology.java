package io.airlock.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;

/**
 * Four network namespaces wired like an Airlock site, for tests that need real interfaces (as root, with
 * {@code ip}). Airlock sits in the middle and routes between the others:
 *
 * <pre>
 *  camera  eth0 10.77.1.10 ──veth── cam0  10.77.1.1 ┐
 *  recorder eth0 10.77.2.10 ──veth── rec0  10.77.2.1 ├ airlock (forwarding on)
 *  internet eth0 10.77.3.10 ──veth── inet0 10.77.3.1 ┘
 *           lo   198.51.100.9/32, 203.0.113.50/32 (routed by airlock via 10.77.3.10)
 * </pre>
 *
 * The other three have their default route via airlock. No link leaves the four namespaces, so nothing sent inside
 * can reach a real network. Names are unique per run ({@code airlock-t<pid>-<n>-camera}); creating a topology also
 * deletes what crashed runs left behind. IPv6 is off inside, so captures hold only what a test sends.
 */
public final class NetnsTopology implements AutoCloseable {

    /** The four machines of the topology. */
    public enum Host {
        CAMERA, AIRLOCK, RECORDER, INTERNET
    }

    public static final String PREFIX = "airlock-t";
    public static final String INTERNET_ADDRESS = "198.51.100.9";
    public static final String OTHER_INTERNET_ADDRESS = "203.0.113.50";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final long COMMAND_SECONDS = 30;

    private final String prefix;
    private final List<Process> started = new ArrayList<>();

    private NetnsTopology(String prefix) {
        this.prefix = prefix;
    }

    /** Builds the topology, or aborts the calling test with the reason when this machine cannot. */
    public static NetnsTopology create() {
        assumeTrue(isRoot(), "network namespace tests need root: skipping");
        assumeTrue(ip() != null, "`ip` (iproute2) is not installed: skipping network namespace test");
        removeLeftovers();
        NetnsTopology topology = new NetnsTopology(PREFIX + ProcessHandle.current().pid() + "-"
                + SEQUENCE.incrementAndGet() + "-");
        try {
            topology.build();
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
    }

    private void build() {
        for (Host h : Host.values()) {
            String ns = namespace(h);
            String failure = run("netns", "add", ns);
            if (failure != null) {
                throw new TestAbortedException("cannot create network namespaces here (" + failure + "): skipping");
            }
            // A namespace without IPv6 stays silent: no router or neighbour solicitations in the captures.
            check(runIn(h, "sh", "-c", "[ ! -d /proc/sys/net/ipv6 ] || { echo 1 > /proc/sys/net/ipv6/conf/all/"
                    + "disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6; }"));
            check(run("-n", ns, "link", "set", "lo", "up"));
        }
        String airlock = namespace(Host.AIRLOCK);
        check(runIn(Host.AIRLOCK, "sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"));
        for (Host h : List.of(Host.CAMERA, Host.RECORDER, Host.INTERNET)) {
            String ns = namespace(h);
            check(run("-n", airlock, "link", "add", interfaceName(h), "type", "veth", "peer", "name", "eth0",
                    "netns", ns));
            check(run("-n", airlock, "addr", "add", airlockAddress(h) + "/24", "dev", interfaceName(h)));
            check(run("-n", ns, "addr", "add", address(h) + "/24", "dev", "eth0"));
            check(run("-n", airlock, "link", "set", interfaceName(h), "up"));
            check(run("-n", ns, "link", "set", "eth0", "up"));
            check(run("-n", ns, "route", "add", "default", "via", airlockAddress(h)));
        }
        String internet = namespace(Host.INTERNET);
        for (String extra : List.of(INTERNET_ADDRESS, OTHER_INTERNET_ADDRESS)) {
            check(run("-n", internet, "addr", "add", extra + "/32", "dev", "lo"));
            check(run("-n", airlock, "route", "add", extra + "/32", "via", address(Host.INTERNET)));
        }
    }

    /** The prefix every namespace of this topology starts with. */
    public String prefix() {
        return prefix;
    }

    /** The name of {@code host}'s namespace, for {@code ip netns exec}. */
    public String namespace(Host host) {
        return prefix + host.name().toLowerCase(Locale.ROOT);
    }

    /** The interface in the airlock namespace that faces {@code host}: cam0, rec0 or inet0. */
    public String interfaceName(Host host) {
        switch (host) {
            case CAMERA:
                return "cam0";
            case RECORDER:
                return "rec0";
            case INTERNET:
                return "inet0";
            default:
                throw new IllegalArgumentException("airlock faces camera, recorder and internet, not itself");
        }
    }

    /** {@code host}'s address on its link to airlock, e.g. 10.77.1.10 for the camera. */
    public String address(Host host) {
        return "10.77." + link(host) + ".10";
    }

    /** Airlock's address on the link to {@code host}, e.g. 10.77.1.1 facing the camera. */
    public String airlockAddress(Host host) {
        return "10.77." + link(host) + ".1";
    }

    private int link(Host host) {
        if (host == Host.AIRLOCK) {
            throw new IllegalArgumentException("airlock has one address per link: name the host it faces");
        }
        return host == Host.CAMERA ? 1 : host == Host.RECORDER ? 2 : 3;
    }

    /** {@code argv} run inside {@code host}'s namespace. */
    public ProcessBuilder command(Host host, String... argv) {
        List<String> command = new ArrayList<>(List.of(ip(), "netns", "exec", namespace(host)));
        command.addAll(List.of(argv));
        return new ProcessBuilder(command);
    }

    /** Starts {@code argv} inside {@code host}'s namespace; {@link #close()} kills it if it still runs. */
    public Process exec(Host host, String... argv) throws IOException {
        Process p = command(host, argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        synchronized (started) {
            started.add(p);
        }
        return p;
    }

    /** Names of all network namespaces on this machine. */
    public static List<String> namespaces() {
        List<String> names = new ArrayList<>();
        String out = output(ip(), "netns", "list");
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }

    /** Kills what {@link #exec} started and deletes the namespaces (their veths go with them). */
    @Override
    public void close() {
        synchronized (started) {
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            started.clear();
        }
        List<String> failures = new ArrayList<>();
        for (Host h : Host.values()) {
            if (namespaces().contains(namespace(h))) {
                String failure = run("netns", "del", namespace(h));
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("network namespaces left behind: " + failures);
        }
    }

    /** Deletes namespaces of earlier runs whose JVM is gone. */
    private static void removeLeftovers() {
        for (String name : namespaces()) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            int dash = name.indexOf('-', PREFIX.length());
            try {
                long pid = Long.parseLong(name.substring(PREFIX.length(), dash));
                if (ProcessHandle.of(pid).isEmpty()) {
                    run("netns", "del", name);
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // not one of ours
            }
        }
    }

    private String runIn(Host host, String... argv) {
        List<String> command = new ArrayList<>(List.of("netns", "exec", namespace(host)));
        command.addAll(List.of(argv));
        return run(command.toArray(new String[0]));
    }

    /** Runs {@code ip args}; null on success, otherwise the command and what it printed. */
    private static String run(String... args) {
        List<String> command = new ArrayList<>(List.of(ip()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + ": no answer in " + COMMAND_SECONDS + " s";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + out;
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted";
        }
    }

    private static void check(String failure) {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + ": interrupted", e);
        }
    }

    private static String ip() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path ip = Path.of(dir, "ip");
            if (Files.isExecutable(ip)) {
                return ip.toString();
            }
        }
        return null;
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
