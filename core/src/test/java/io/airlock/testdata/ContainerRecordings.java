package io.airlock.testdata;

import io.airlock.codec.Codec;
import io.airlock.container.dhav.DhavWriter;
import io.airlock.container.ps.ProgramStreamMuxer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The MPEG-PS (Hikvision, GB/T 28181) and DHAV (Dahua) recordings of {@code src-test-data/ps} and {@code dhav},
 * built from {@code h264/openh264-clean.h264} with the core writers ({@link ProgramStreamMuxer}, {@link DhavWriter}).
 */
final class ContainerRecordings {

    /** 90 kHz ticks per frame at 25 fps. */
    static final long TICKS_PER_FRAME = 90_000 / TestDataGenerator.FPS;
    private static final long FIRST_PTS = 90_000;
    private static final long HIKVISION_COUNTER = 0x0001_3A5CL;
    private static final int H264_IDR = 5;
    private static final int UNKNOWN_DHAV_EXTENSION = 0xEE;
    private static final int UNKNOWN_EXTENSION_FROM_FRAME = 50;

    private final TestDataGenerator generator;

    ContainerRecordings(TestDataGenerator generator) {
        this.generator = generator;
    }

    void generateAll() throws IOException {
        Files.createDirectories(generator.file("ps"));
        Files.createDirectories(generator.file("dhav"));
        hikvisionPrivate();
        hikvisionImkh();
        gb28181Clean();
        dahuaAssistant();
        dahuaClean();
    }

    /** Access units of the clean H.264 stream. */
    List<AccessUnits.Unit> clean() throws IOException {
        return AccessUnits.h264(AnnexB.split(Files.readAllBytes(generator.file("h264/openh264-clean.h264"))));
    }

    /** Access units of the clean H.264 stream with the HiSilicon SEI 229 before every IDR picture, nothing else. */
    List<AccessUnits.Unit> hisilicon() throws IOException {
        byte[] sei229 = TestDataGenerator.hisiliconSei229Nal();
        List<AccessUnits.Unit> out = new ArrayList<>();
        for (AccessUnits.Unit au : clean()) {
            if (!au.keyframe()) {
                out.add(au);
                continue;
            }
            List<byte[]> nals = new ArrayList<>();
            boolean added = false;
            for (byte[] nal : au.nals()) {
                if ((nal[0] & 0x1F) == H264_IDR && !added) {
                    nals.add(sei229);
                    added = true;
                }
                nals.add(nal);
            }
            out.add(new AccessUnits.Unit(nals, true));
        }
        return out;
    }

    /** {@code ps/hikvision-private.ps}: HK PSM descriptors, counter stuffing, 0xBD after each IDR, SEI 229. */
    void hikvisionPrivate() throws IOException {
        Files.write(generator.file("ps/hikvision-private.ps"), hikvisionPs(hisilicon()));
    }

    /** {@code ps/hikvision-imkh.ps}: the 40-byte IMKH header (v1.01, MPEG2-PS, H.264) then a Hikvision PS. */
    void hikvisionImkh() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(imkhHeader(2, 1));
        out.writeBytes(hikvisionPs(clean()));
        Files.write(generator.file("ps/hikvision-imkh.ps"), out.toByteArray());
    }

    /** {@code ps/gb28181-clean.ps}: 0xFF-free plain packs, PSM without descriptors, no private PES. */
    void gb28181Clean() throws IOException {
        Files.write(generator.file("ps/gb28181-clean.ps"), ps(new ProgramStreamMuxer(Codec.H264), clean()));
    }

    private static byte[] hikvisionPs(List<AccessUnits.Unit> units) {
        ProgramStreamMuxer muxer = new ProgramStreamMuxer(Codec.H264).counterStuffing(HIKVISION_COUNTER)
                .hikvisionDescriptors(true).privateAfterIdr(true);
        return ps(muxer, units);
    }

    private static byte[] ps(ProgramStreamMuxer muxer, List<AccessUnits.Unit> units) {
        long pts = FIRST_PTS;
        for (AccessUnits.Unit au : units) {
            muxer.writeAccessUnit(au.annexB(), pts, au.keyframe());
            pts += TICKS_PER_FRAME;
        }
        return muxer.writeProgramEnd().toByteArray();
    }

    /** HIK_MEDIAINFO, little-endian: "IMKH", version 0x0101, device 0, system, video, no audio, reserved zero. */
    static byte[] imkhHeader(int systemFormat, int videoFormat) {
        byte[] h = new byte[40];
        h[0] = 'I';
        h[1] = 'M';
        h[2] = 'K';
        h[3] = 'H';
        h[4] = 0x01;
        h[5] = 0x01;
        h[8] = (byte) systemFormat;
        h[9] = (byte) (systemFormat >>> 8);
        h[10] = (byte) videoFormat;
        h[11] = (byte) (videoFormat >>> 8);
        return h;
    }

    /** {@code dhav/dahua-assistant.dav}: DAHUA header, 0xF1 after each I-frame, unknown extension 0xEE late on. */
    void dahuaAssistant() throws IOException {
        DhavWriter w = new DhavWriter().fileHeader();
        int n = 0;
        for (AccessUnits.Unit au : clean()) {
            if (n++ == UNKNOWN_EXTENSION_FROM_FRAME) {
                w.unknownExtension(UNKNOWN_DHAV_EXTENSION);
            }
            w.videoFrame(au.annexB(), au.keyframe(), Codec.H264, TestDataGenerator.WIDTH, TestDataGenerator.HEIGHT,
                    TestDataGenerator.FPS);
            if (au.keyframe()) {
                w.assistantFrame(assistantPayload(n));
            }
        }
        Files.write(generator.file("dhav/dahua-assistant.dav"), w.toByteArray());
    }

    /** {@code dhav/dahua-clean.dav}: DHAV video frames only. */
    void dahuaClean() throws IOException {
        DhavWriter w = new DhavWriter();
        for (AccessUnits.Unit au : clean()) {
            w.videoFrame(au.annexB(), au.keyframe(), Codec.H264, TestDataGenerator.WIDTH, TestDataGenerator.HEIGHT,
                    TestDataGenerator.FPS);
        }
        Files.write(generator.file("dhav/dahua-clean.dav"), w.toByteArray());
    }

    /** 96 bytes that look like a motion-grid bitmap: deterministic, not secret. */
    private static byte[] assistantPayload(int seed) {
        byte[] b = new byte[96];
        long x = 0x2545F4914F6CDD1DL ^ seed;
        for (int i = 0; i < b.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b[i] = (byte) x;
        }
        return b;
    }
}
