package io.airlock.inspect;

/**
 * The media stage's view of one transport flow: the stream on a UDP flow, or the streams on the interleaved channels
 * of a TCP connection. A flow that turned out not to carry RTP is remembered as refused so it is not re-examined.
 */
final class FlowMedia {

    private static final MediaStream REFUSED = null;

    private MediaStream udp;
    private boolean udpResolved;
    private MediaStream[] channels;
    private boolean[] channelResolved;

    MediaStream udp() {
        return udp;
    }

    boolean udpRefused() {
        return udpResolved && udp == REFUSED;
    }

    void udp(MediaStream stream) {
        udp = stream;
        udpResolved = true;
    }

    MediaStream channel(int channel) {
        return channels == null ? null : channels[channel];
    }

    boolean refused(int channel) {
        return channelResolved != null && channelResolved[channel] && channels[channel] == REFUSED;
    }

    void channel(int channel, MediaStream stream) {
        if (channels == null) {
            channels = new MediaStream[256];
            channelResolved = new boolean[256];
        }
        channels[channel] = stream;
        channelResolved[channel] = true;
    }
}
