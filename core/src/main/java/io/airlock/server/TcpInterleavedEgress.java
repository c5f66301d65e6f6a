package io.airlock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends one track inside the RTSP connection as RFC 2326 §10.12 interleaved frames: a 4-byte {@code $} header
 * composed with a retained duplicate of the caller's packet, no payload copy. Writes through {@code writeContext}
 * (the frame splitter's context, nearest the socket) so the RTSP encoder never sees them. When the channel is not
 * writable the packet is dropped and counted: a stalled recorder never blocks the source.
 */
public final class TcpInterleavedEgress extends AbstractEgress {

    private static final int DOLLAR = '$';
    private static final int HEADER_LENGTH = 4;
    private static final int MAX_FRAME_DATA = 0xFFFF;

    private final Channel channel;
    private final ChannelHandlerContext writeContext;
    private final int rtpChannel;
    private final int rtcpChannel;

    public TcpInterleavedEgress(final ChannelHandlerContext writeContext, final int rtpChannel, final int rtcpChannel) {
        this.channel = writeContext.channel();
        this.writeContext = writeContext;
        this.rtpChannel = rtpChannel;
        this.rtcpChannel = rtcpChannel;
    }

    @Override
    public boolean offer(final ByteBuf rtpPacket, final boolean rtcp) {
        final int length = rtpPacket.readableBytes();
        if (closed || length > MAX_FRAME_DATA || !channel.isActive() || !channel.isWritable()) {
            return countDropped();
        }
        // One write of header and packet together: two separate writes from this thread could let an RTSP reply
        // written on the event loop land between them and break the framing.
        final ByteBuf header = channel.alloc().buffer(HEADER_LENGTH, HEADER_LENGTH);
        header.writeByte(DOLLAR).writeByte(rtcp ? rtcpChannel : rtpChannel).writeShort(length);
        final CompositeByteBuf frame = channel.alloc().compositeBuffer(2);
        frame.addComponents(true, header, rtpPacket.retainedDuplicate());
        writeContext.write(frame, writeContext.voidPromise());
        return countSent();
    }

    @Override
    public void disconnect() {
        closed = true;
        channel.close();
    }

    @Override
    public void flush() {
        if (!closed) {
            writeContext.flush();
        }
    }


    @Override
    public ScheduledExecutorService executor() {
        return channel.eventLoop();
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
        closed = true;
    }
}
