package io.airlock.rtsp.netty;

import io.airlock.rtsp.RtspMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits one inbound RTSP TCP stream into RFC 2326 §10.12 interleaved frames and whole RTSP messages, in front of
 * Netty's {@code RtspDecoder}, which does not understand {@code $} framing.
 *
 * <pre>
 * stream = *( interleaved-frame | rtsp-message )
 * interleaved-frame = '$' channel(8) length(16) data(length)
 * rtsp-message = start-line *(header CRLF) CRLF [body(Content-Length)]
 * </pre>
 *
 * <p>Emits an {@link InterleavedFrame} (retained slice) or a retained slice holding exactly ONE complete message, so
 * the HTTP decoder behind never sees a {@code $} byte. Stray CR/LF between units (keep-alive habit of some clients)
 * are skipped. A header section over {@link RtspMessage#MAX_HEADER_SECTION_LENGTH} or a Content-Length over
 * {@link RtspMessage#MAX_CONTENT_LENGTH} fires the {@link FramingRejection} as a user event, then closes the channel;
 * later bytes are discarded.
 */
public final class InterleavedFrameDecoder extends ByteToMessageDecoder {

    public static final int INTERLEAVED_HEADER_LENGTH = 4;
    private static final int DOLLAR = '$';
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final String CONTENT_LENGTH = "content-length";
    private static final int MAX_CONTENT_LENGTH_DIGITS = 10;
    private static final long BAD = -2;

    private boolean rejected;

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out) {
        while (in.isReadable()) {
            if (rejected) {
                in.skipBytes(in.readableBytes());
                return;
            }
            final int start = in.readerIndex();
            final int end = in.writerIndex();
            final int first = in.getUnsignedByte(start);
            if (first == DOLLAR) {
                if (end - start < INTERLEAVED_HEADER_LENGTH) {
                    return;
                }
                final int length = in.getUnsignedShort(start + 2);
                if ((long) end - start < (long) INTERLEAVED_HEADER_LENGTH + length) {
                    return;
                }
                final int channel = in.getUnsignedByte(start + 1);
                out.add(new InterleavedFrame(channel, in.retainedSlice(start + INTERLEAVED_HEADER_LENGTH, length)));
                in.readerIndex(start + INTERLEAVED_HEADER_LENGTH + length);
            } else if (first == CR || first == LF) {
                in.skipBytes(1);
            } else {
                final int limit = (int) Math.min(end, (long) start + RtspMessage.MAX_HEADER_SECTION_LENGTH);
                final int headerEnd = headerEnd(in, start, limit);
                if (headerEnd < 0) {
                    if (limit - start >= RtspMessage.MAX_HEADER_SECTION_LENGTH) {
                        reject(ctx, in, FramingRejection.HEADERS_TOO_LONG);
                    }
                    return;
                }
                final long contentLength = contentLength(in, start, headerEnd);
                if (contentLength == BAD) {
                    reject(ctx, in, FramingRejection.BAD_CONTENT_LENGTH);
                    return;
                }
                if (contentLength > RtspMessage.MAX_CONTENT_LENGTH) {
                    reject(ctx, in, FramingRejection.BODY_TOO_LONG);
                    return;
                }
                final long total = (long) headerEnd - start + Math.max(0, contentLength);
                if ((long) end - start < total) {
                    return;
                }
                out.add(in.readRetainedSlice((int) total));
            }
        }
    }

    /** Whether this decoder has given up on the stream. */
    public boolean rejected() {
        return rejected;
    }

    private void reject(final ChannelHandlerContext ctx, final ByteBuf in, final FramingRejection reason) {
        rejected = true;
        in.skipBytes(in.readableBytes());
        ctx.fireUserEventTriggered(reason);
        ctx.close();
    }

    /** Index just past the blank line ending the header section, or -1 when it is not within [start, limit). */
    static int headerEnd(final ByteBuf b, final int start, final int limit) {
        int from = start;
        while (from < limit) {
            final int lf = b.indexOf(from, limit, (byte) LF);
            if (lf < 0 || lf + 1 >= limit) {
                return -1;
            }
            final int next = b.getUnsignedByte(lf + 1);
            if (next == LF) {
                return lf + 2;
            }
            if (next == CR && lf + 2 < limit && b.getUnsignedByte(lf + 2) == LF) {
                return lf + 3;
            }
            from = lf + 1;
        }
        return -1;
    }

    /** The Content-Length value, -1 when absent, {@link #BAD} when not a plain decimal of at most 10 digits. */
    static long contentLength(final ByteBuf b, final int start, final int headerEnd) {
        int line = start;
        long found = -1;
        while (line < headerEnd) {
            int lf = b.indexOf(line, headerEnd, (byte) LF);
            if (lf < 0) {
                lf = headerEnd;
            }
            if (line != start && startsWithIgnoreCase(b, line, lf, CONTENT_LENGTH)) {
                int p = skipBlanks(b, line + CONTENT_LENGTH.length(), lf);
                if (p < lf && b.getUnsignedByte(p) == ':') {
                    final long value = decimal(b, skipBlanks(b, p + 1, lf), lf);
                    if (value == BAD || (found >= 0 && found != value)) {
                        return BAD;
                    }
                    found = value;
                }
            }
            line = lf + 1;
        }
        return found;
    }

    private static long decimal(final ByteBuf b, final int from, final int lineEnd) {
        long value = 0;
        int digits = 0;
        int p = from;
        while (p < lineEnd) {
            final int c = b.getUnsignedByte(p);
            if (c < '0' || c > '9') {
                break;
            }
            if (++digits > MAX_CONTENT_LENGTH_DIGITS) {
                return BAD;
            }
            value = value * 10 + (c - '0');
            p++;
        }
        if (digits == 0 || skipBlanks(b, p, lineEnd) != lineEnd) {
            return BAD;
        }
        return value;
    }

    private static int skipBlanks(final ByteBuf b, final int from, final int end) {
        int p = from;
        while (p < end) {
            final int c = b.getUnsignedByte(p);
            if (c != ' ' && c != '\t' && c != CR) {
                break;
            }
            p++;
        }
        return p;
    }

    private static boolean startsWithIgnoreCase(final ByteBuf b, final int from, final int end, final String s) {
        if ((long) end - from < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            final int c = b.getUnsignedByte(from + i);
            final int lower = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
            if (lower != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
