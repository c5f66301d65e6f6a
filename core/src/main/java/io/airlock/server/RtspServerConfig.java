package io.airlock.server;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of an {@link RtspServer}, fluent: {@code new RtspServerConfig().bind(addr).sessionTimeoutSeconds(60)}.
 * {@link #conclude()} validates once. The vendor-mimicry knobs ({@link #serverHeader}, {@link #ssrcLeadingSpace},
 * {@link #describeHeaders}) let the camera simulator answer like a given camera.
 */
public final class RtspServerConfig {

    public static final int DEFAULT_SESSION_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_MAX_SESSIONS = 4096;

    private InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 0);
    private int workerThreads = 1;
    private int udpThreads = 1;
    private int sessionTimeoutSeconds = DEFAULT_SESSION_TIMEOUT_SECONDS;
    private int udpPortLow;
    private int udpPortHigh;
    private int maxSessionsPerConnection = 8;
    private int maxSessions = DEFAULT_MAX_SESSIONS;
    private int writeBufferLowWaterMark = 1 << 20;
    private int writeBufferHighWaterMark = 4 << 20;
    private int recorderQueuePackets = AbstractEgress.DEFAULT_QUEUE_PACKETS;
    private boolean preferEpoll = true;
    private Authenticator authenticator;
    private ServerListener listener = ServerListener.NONE;
    private String serverHeader = "Airlock camera-sim";
    private boolean ssrcLeadingSpace;
    private final Map<String, String> describeHeaders = new LinkedHashMap<>();

    public InetSocketAddress bind() {
        return bind;
    }

    public RtspServerConfig bind(final InetSocketAddress value) {
        this.bind = value;
        return this;
    }

    public int workerThreads() {
        return workerThreads;
    }

    public RtspServerConfig workerThreads(final int value) {
        this.workerThreads = value;
        return this;
    }

    public int udpThreads() {
        return udpThreads;
    }

    public RtspServerConfig udpThreads(final int value) {
        this.udpThreads = value;
        return this;
    }

    public int sessionTimeoutSeconds() {
        return sessionTimeoutSeconds;
    }

    public RtspServerConfig sessionTimeoutSeconds(final int value) {
        this.sessionTimeoutSeconds = value;
        return this;
    }

    public int udpPortLow() {
        return udpPortLow;
    }

    public int udpPortHigh() {
        return udpPortHigh;
    }

    /** UDP server ports are taken from [low, high]; 0-0 (the default) means ephemeral ports. */
    public RtspServerConfig udpPorts(final int low, final int high) {
        this.udpPortLow = low;
        this.udpPortHigh = high;
        return this;
    }

    public int maxSessionsPerConnection() {
        return maxSessionsPerConnection;
    }

    public RtspServerConfig maxSessionsPerConnection(final int value) {
        this.maxSessionsPerConnection = value;
        return this;
    }

    public int maxSessions() {
        return maxSessions;
    }

    /**
     * RTSP sessions served at once over all connections; a SETUP that would start one more is refused with 453 until
     * a session ends.
     */
    public RtspServerConfig maxSessions(final int value) {
        this.maxSessions = value;
        return this;
    }

    public int writeBufferLowWaterMark() {
        return writeBufferLowWaterMark;
    }

    public int writeBufferHighWaterMark() {
        return writeBufferHighWaterMark;
    }

    /** Bytes queued per connection above which media is dropped (high) and below which it flows again (low). */
    public RtspServerConfig writeBufferWaterMarks(final int low, final int high) {
        this.writeBufferLowWaterMark = low;
        this.writeBufferHighWaterMark = high;
        return this;
    }

    public int recorderQueuePackets() {
        return recorderQueuePackets;
    }

    /** Packets queued per set-up track of a session for its egress before further packets are dropped (counted). */
    public RtspServerConfig recorderQueuePackets(final int value) {
        if (value < 1 || value > 1 << 24) {
            throw new IllegalArgumentException("recorderQueuePackets out of range: " + value);
        }
        this.recorderQueuePackets = value;
        return this;
    }

    public boolean preferEpoll() {
        return preferEpoll;
    }

    public RtspServerConfig preferEpoll(final boolean value) {
        this.preferEpoll = value;
        return this;
    }

    /** Null: no authentication. */
    public Authenticator authenticator() {
        return authenticator;
    }

    public RtspServerConfig authenticator(final Authenticator value) {
        this.authenticator = value;
        return this;
    }

    public ServerListener listener() {
        return listener;
    }

    public RtspServerConfig listener(final ServerListener value) {
        this.listener = value == null ? ServerListener.NONE : value;
        return this;
    }

    /** Null: no Server header (Hikvision sends none). */
    public String serverHeader() {
        return serverHeader;
    }

    public RtspServerConfig serverHeader(final String value) {
        this.serverHeader = value;
        return this;
    }

    /** Hikvision writes {@code ssrc= d6d6627}-style values in the SETUP reply. */
    public boolean ssrcLeadingSpace() {
        return ssrcLeadingSpace;
    }

    public RtspServerConfig ssrcLeadingSpace(final boolean value) {
        this.ssrcLeadingSpace = value;
        return this;
    }

    /** Extra headers of every DESCRIBE reply, in order, e.g. Dahua's {@code x-Accept-Dynamic-Rate: 1}. */
    public Map<String, String> describeHeaders() {
        return describeHeaders;
    }

    public RtspServerConfig describeHeader(final String name, final String value) {
        describeHeaders.put(name, value);
        return this;
    }

    /** Validates everything once; throws IllegalArgumentException naming the bad setting. */
    public RtspServerConfig conclude() {
        check(bind != null, "bind=null");
        check(workerThreads >= 1 && workerThreads <= 256, "workerThreads=" + workerThreads);
        check(udpThreads >= 1 && udpThreads <= 256, "udpThreads=" + udpThreads);
        check(sessionTimeoutSeconds >= 1 && sessionTimeoutSeconds <= 3600,
                "sessionTimeoutSeconds=" + sessionTimeoutSeconds);
        check((udpPortLow == 0 && udpPortHigh == 0)
                || (udpPortLow >= 1024 && udpPortHigh > udpPortLow && udpPortHigh <= 0xFFFF),
                "udpPorts=" + udpPortLow + '-' + udpPortHigh);
        check(maxSessionsPerConnection >= 1 && maxSessionsPerConnection <= 64,
                "maxSessionsPerConnection=" + maxSessionsPerConnection);
        check(maxSessions >= 1 && maxSessions <= 1 << 16, "maxSessions=" + maxSessions);
        check(writeBufferLowWaterMark > 0 && writeBufferHighWaterMark > writeBufferLowWaterMark,
                "writeBufferWaterMarks=" + writeBufferLowWaterMark + '-' + writeBufferHighWaterMark);
        return this;
    }

    private static void check(final boolean ok, final String detail) {
        if (!ok) {
            throw new IllegalArgumentException("invalid RTSP server setting " + detail);
        }
    }
}
