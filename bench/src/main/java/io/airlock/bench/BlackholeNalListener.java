package io.airlock.bench;

import io.airlock.codec.NalUnitListener;
import io.netty.buffer.ByteBuf;
import org.openjdk.jmh.infra.Blackhole;

/** A listener that only hands what it is told to a {@link Blackhole}, so the depacketizer's work is not dead code. */
final class BlackholeNalListener implements NalUnitListener {

    private final Blackhole blackhole;

    BlackholeNalListener(Blackhole blackhole) {
        this.blackhole = blackhole;
    }

    @Override
    public void nalStart(int header, long sourceOffset) {
        blackhole.consume(header);
    }

    @Override
    public void nalPayload(ByteBuf buffer, int offset, int length) {
        blackhole.consume(offset + length);
    }

    @Override
    public void nalEnd(boolean complete) {
        blackhole.consume(complete);
    }

    @Override
    public void accessUnitEnd(long timestamp) {
        blackhole.consume(timestamp);
    }
}
