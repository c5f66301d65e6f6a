package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;

/**
 * Sends one track inside the RTSP connection as RFC 2326 §10.12 interleaved frames:
 *
 * <pre>
 * | '$' (0x24) | channel (u8) | length (u16, network order) | length bytes of RTP or RTCP |
 * </pre>
 *
 * <p>{@code offer} queues a packet reference (see {@link AbstractEgress}); the drain, on this connection's event
 * loop, writes a 4-byte header (a slice of a pooled header slab) then a retained slice of the packet (no payload
 * copy; recycled, not allocated, when the packet's buffer is pooled) through {@code writeContext} (the frame splitter's context, nearest the socket, so the RTSP encoder never sees them).
 * Because RTSP replies are written on the same event loop, a reply can never land between a header and its packet.
 * The drain stops while the channel is not writable: a stalled recorder fills its own queue, then its packets are
 * dropped and counted, and neither the camera nor other recorders wait.
 */
public final class TcpInterleavedEgress extends AbstractEgress {

    static final int DOLLAR = '$';
    static final int HEADER_LENGTH = 4;
    static final int MAX_FRAME_DATA = 0xFFFF;
    private static final int HEADER_SLAB_BYTES = 64 * HEADER_LENGTH;

    private final Channel channel;
    private final ChannelHandlerContext writeContext;
    private final int rtpChannel;
    private final int rtcpChannel;

    public TcpInterleavedEgress(final ChannelHandlerContext writeContext, final int rtpChannel, final int rtcpChannel) {
        this(writeContext, rtpChannel, rtcpChannel, DEFAULT_QUEUE_PACKETS);
    }

    /** @param queuePackets most packets queued for this track before further ones are dropped */
    public TcpInterleavedEgress(final ChannelHandlerContext writeContext, final int rtpChannel, final int rtcpChannel,
                                final int queuePackets) {
        super(writeContext.channel().eventLoop(), queuePackets);
        this.channel = writeContext.channel();
        this.writeContext = writeContext;
        this.rtpChannel = rtpChannel;
        this.rtcpChannel = rtcpChannel;
    }

    @Override
    protected boolean accepts(final int length, final boolean rtcp) {
        return length <= MAX_FRAME_DATA;
    }

    @Override
    protected void drain(final EgressQueue queue) {
        if (!channel.isActive()) {
            discard(queue.clear());
            return;
        }
        int written = 0;
        ByteBuf headers = null;
        try {
            while (channel.isWritable() && queue.poll()) {
                final ByteBuf packet = queue.polledBuffer();
                try {
                    if (headers == null || !headers.isWritable(HEADER_LENGTH)) {
                        if (headers != null) {
                            headers.release();
                            headers = null;
                        }
                        // One pooled slab per HEADER_SLAB_BYTES / 4 frames: a buffer per header would also pay Netty's
                        // sampled leak tracking (a stack trace every 128 allocations) per packet.
                        headers = PooledByteBufAllocator.DEFAULT.directBuffer(HEADER_SLAB_BYTES, HEADER_SLAB_BYTES);
                    }
                    write(headers, packet, queue.polledOffset(), queue.polledLength(), queue.polledRtcp());
                } finally {
                    // The queue's reference: the written slice holds its own.
                    packet.release();
                }
                written++;
            }
        } finally {
            if (headers != null) {
                headers.release();
            }
            if (written > 0) {
                writeContext.flush();
            }
        }
    }

    /** One frame: its header as a slice of {@code headers}, then a slice of the packet (each retained once). */
    private void write(final ByteBuf headers, final ByteBuf packet, final int offset, final int length,
                       final boolean rtcp) {
        final ByteBuf body = packet.retainedSlice(offset, length);
        final int at = headers.writerIndex();
        headers.writeByte(DOLLAR).writeByte(rtcp ? rtcpChannel : rtpChannel).writeShort(length);
        writeContext.write(headers.retainedSlice(at, HEADER_LENGTH), writeContext.voidPromise());
        writeContext.write(body, writeContext.voidPromise());
    }

    @Override
    public void disconnect() {
        closeQueue();
        channel.close();
    }

    public int rtpChannel() {
        return rtpChannel;
    }

    public int rtcpChannel() {
        return rtcpChannel;
    }

    @Override
    public String transportParameters() {
        return "RTP/AVP/TCP;unicast;interleaved=" + rtpChannel + '-' + rtcpChannel;
    }

    @Override
    public void close() {
        closeQueue();
    }
}
