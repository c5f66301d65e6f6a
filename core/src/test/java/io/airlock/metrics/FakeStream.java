package io.airlock.metrics;

/** A camera stream whose every reading is a field the test sets. */
final class FakeStream implements StreamMetrics {

    final String camera;
    final String profile;
    boolean connected;
    long reconnects;
    long inboundPackets;
    long inboundBytes;
    long outboundPackets;
    long outboundBytes;
    long lost;
    long reordered;
    double jitter;
    long videoBytes;
    long frames;
    long keyframes;
    long gop;
    final long[] sei = new long[SEI_OTHER + 1];
    int recorders;
    long recorderDrops;
    long stalls;
    long ringFull;

    FakeStream(String camera, String profile) {
        this.camera = camera;
        this.profile = profile;
    }

    @Override
    public String camera() {
        return camera;
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public long reconnects() {
        return reconnects;
    }

    @Override
    public long inboundPackets() {
        return inboundPackets;
    }

    @Override
    public long inboundBytes() {
        return inboundBytes;
    }

    @Override
    public long outboundPackets() {
        return outboundPackets;
    }

    @Override
    public long outboundBytes() {
        return outboundBytes;
    }

    @Override
    public long rtpLost() {
        return lost;
    }

    @Override
    public long rtpReordered() {
        return reordered;
    }

    @Override
    public double rtpJitterSeconds() {
        return jitter;
    }

    @Override
    public long videoBytes() {
        return videoBytes;
    }

    @Override
    public long videoFrames() {
        return frames;
    }

    @Override
    public long videoKeyframes() {
        return keyframes;
    }

    @Override
    public long gopFrames() {
        return gop;
    }

    @Override
    public long seiMessages(int payloadType) {
        return sei[payloadType];
    }

    @Override
    public int recorderSessions() {
        return recorders;
    }

    @Override
    public long recorderDrops() {
        return recorderDrops;
    }

    @Override
    public long recorderStalls() {
        return stalls;
    }

    @Override
    public long ringFullDrops() {
        return ringFull;
    }

    @Override
    public long senderReports() {
        return 0;
    }

    @Override
    public long rejectedPackets() {
        return 0;
    }
}
