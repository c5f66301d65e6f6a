package io.airlock.rtsp.netty;

import io.airlock.rtsp.RtspMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
 * {@link RtspMessage#MAX_CONTENT_LENGTH}, or more than {@link #MAX_MESSAGES_PER_READ} messages in one read, fires the
 * {@link FramingRejection} as a user event, then closes the channel; later bytes are discarded.
 */
public final class InterleavedFrameDecoder extends ByteToMessageDecoder {

    public static final int INTERLEAVED_HEADER_LENGTH = 4;
    private static final int DOLLAR = '$';
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final String CONTENT_LENGTH = "content-length";
    private static final int MAX_CONTENT_LENGTH_DIGITS = 10;
    private static final long BAD = -2;

    /** A message may take this long to arrive whole; a slowloris trickling bytes is closed after it. */
    public static final long HEAD_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** RFC 2326 request lines are short; one longer than this is not RTSP. */
    public static final int MAX_START_LINE = 8 * 1024;
    private static final long CHECK_PERIOD_MS = 1000;
    /**
     * RTSP messages one read may carry. A recorder waits for each reply, or at most pipelines the SETUPs of a few
     * tracks and a PLAY; thousands in one read are a flood that would keep the event loop, and so the media of every
     * recorder on it, busy answering.
     */
    public static final int MAX_MESSAGES_PER_READ = 32;

    private final long headTimeoutNanos;
    private boolean rejected;
    private long partialSince = -1;
    private ScheduledFuture<?> deadline;

    public InterleavedFrameDecoder() {
        this(HEAD_TIMEOUT_NANOS);
    }

    /** @param headTimeoutNanos how long a message may stay incomplete before the connection is closed */
    public InterleavedFrameDecoder(final long headTimeoutNanos) {
        this.headTimeoutNanos = headTimeoutNanos;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx) {
        deadline = ctx.executor().scheduleAtFixedRate(() -> checkDeadline(ctx), CHECK_PERIOD_MS, CHECK_PERIOD_MS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handlerRemoved0(final ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    private void checkDeadline(final ChannelHandlerContext ctx) {
        if (!rejected && partialSince >= 0 && System.nanoTime() - partialSince > headTimeoutNanos) {
            rejected = true;
            ctx.fireUserEventTriggered(FramingRejection.HEAD_TIMEOUT);
            ctx.close();
        }
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out) {
        decodeUnits(ctx, in, out);
        if (!in.isReadable()) {
            partialSince = -1;
        } else if (partialSince < 0) {
            partialSince = System.nanoTime();
        }
    }

    private void decodeUnits(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out) {
        int messages = 0;
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
                final int lineEnd = in.indexOf(start, (int) Math.min(end, (long) start + MAX_START_LINE), (byte) LF);
                if (lineEnd < 0 ? end - start >= MAX_START_LINE : !plausibleStartLine(in, start, lineEnd)) {
                    reject(ctx, in, FramingRejection.BAD_START_LINE);
                    return;
                }
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
                if (++messages > MAX_MESSAGES_PER_READ) {
                    reject(ctx, in, FramingRejection.PIPELINE_FLOOD);
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

    /**
     * True for {@code METHOD SP URI SP RTSP/x.y} (method an RFC 2326 token) or a status line {@code RTSP/...}: lets
     * garbage be refused at its first line instead of after 64 KiB of headers.
     */
    static boolean plausibleStartLine(final ByteBuf b, final int start, final int lf) {
        if (startsWithIgnoreCase(b, start, lf, "rtsp/")) {
            return true;
        }
        int p = start;
        while (p < lf) {
            final int c = b.getUnsignedByte(p);
            if (c == ' ') {
                break;
            }
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
            p++;
        }
        if (p == start || p == lf) {
            return false;
        }
        int end = lf;
        if (end > start && b.getUnsignedByte(end - 1) == CR) {
            end--;
        }
        final String version = " RTSP/";
        return end - p > version.length() + 2 && containsIgnoreCase(b, p, end, version);
    }

    private static boolean containsIgnoreCase(final ByteBuf b, final int from, final int end, final String s) {
        for (int i = from; i + s.length() <= end; i++) {
            if (startsWithIgnoreCase(b, i, end, s.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
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
