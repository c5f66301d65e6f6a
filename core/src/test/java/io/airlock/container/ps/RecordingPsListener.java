package io.airlock.container.ps;

import io.airlock.wire.Hex;
import io.airlock.wire.Rejection;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test listener: a split-independent event log, the video elementary stream, and pesStart/pesEnd balance. */
final class RecordingPsListener implements ProgramStreamListener {

    final List<String> events = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final ByteArrayOutputStream video = new ByteArrayOutputStream();
    final List<String> evidence = new ArrayList<>();
    private final ByteArrayOutputStream pes = new ByteArrayOutputStream();
    int openPes;
    int maxOpenPes;
    int pesStarts;
    int pesEnds;

    @Override
    public void packHeader(long scr, int muxRate, int stuffingLength, boolean stuffingAllFf, long stuffingCounter,
            long offset) {
        events.add("pack scr=" + scr + " mux=" + muxRate + " stuffing=" + stuffingLength + " allFf=" + stuffingAllFf
                + " counter=" + Long.toHexString(stuffingCounter) + " @" + offset);
    }

    @Override
    public void systemHeader(long rateBound, int audioBound, int videoBound, long offset) {
        events.add("system rate=" + rateBound + " audio=" + audioBound + " video=" + videoBound + " @" + offset);
    }

    @Override
    public void systemHeaderStream(int streamId, int bufferBoundScale, int bufferSizeBound, long offset) {
        events.add("system-stream " + Integer.toHexString(streamId) + " " + bufferBoundScale + " " + bufferSizeBound);
    }

    @Override
    public void programStreamMap(int version, boolean currentNext, long offset) {
        events.add("psm v" + version + " cni=" + currentNext + " @" + offset);
    }

    @Override
    public void psmDescriptor(int tag, ByteBuf buf, int off, int len, long offset) {
        events.add("psm-desc " + Integer.toHexString(tag) + " " + Hex.of(buf, off, len));
    }

    @Override
    public void psmStream(int streamType, int streamId, long offset) {
        events.add("psm-stream type=" + Integer.toHexString(streamType) + " id=" + Integer.toHexString(streamId));
    }

    @Override
    public void psmStreamDescriptor(int streamId, int tag, ByteBuf buf, int off, int len, long offset) {
        events.add("es-desc " + Integer.toHexString(streamId) + " " + Integer.toHexString(tag) + " "
                + Hex.of(buf, off, len));
    }

    @Override
    public void pesStart(int streamId, long pts, long dts, int pesPacketLength, long offset) {
        events.add("pes " + Integer.toHexString(streamId) + " pts=" + pts + " dts=" + dts + " len=" + pesPacketLength
                + " @" + offset);
        openPes++;
        pesStarts++;
        maxOpenPes = Math.max(maxOpenPes, openPes);
        pes.reset();
    }

    @Override
    public void pesPayload(int streamId, ByteBuf buf, int off, int len) {
        byte[] b = new byte[len];
        buf.getBytes(off, b);
        pes.writeBytes(b);
        if (streamId == 0xE0) {
            video.writeBytes(b);
        }
    }

    @Override
    public void pesEnd(int streamId) {
        events.add("pes-end " + Integer.toHexString(streamId) + " bytes=" + pes.size());
        openPes--;
        pesEnds++;
    }

    @Override
    public void privateStream(int streamId, int length, ByteBuf firstBytes, int off, int len, long offset) {
        events.add("private " + Integer.toHexString(streamId) + " len=" + length + " @" + offset);
        evidence.add(Hex.of(firstBytes, off, len));
    }

    @Override
    public void programEnd(long offset) {
        events.add("end @" + offset);
    }

    @Override
    public void rejected(Rejection reason, long offset) {
        events.add("rejected " + reason.name() + " @" + offset);
        rejections.add(reason);
    }
}
