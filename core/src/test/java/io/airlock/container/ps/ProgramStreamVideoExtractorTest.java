package io.airlock.container.ps;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.codec.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramStreamVideoExtractorTest {

    @Test
    void shouldForwardVideoElementaryStreamAndAccessUnitStarts() {
        byte[] data = ProgramStreamDemuxerTest.smallStream();
        ByteArrayOutputStream es = new ByteArrayOutputStream();
        List<String> events = new ArrayList<>();
        VideoPayloadListener video = new VideoPayloadListener() {
            @Override
            public void codec(Codec codec) {
                events.add("codec " + codec);
            }

            @Override
            public void accessUnitStart(long pts, long dts, long offset) {
                events.add("au " + pts);
            }

            @Override
            public void videoPayload(ByteBuf buf, int off, int len) {
                byte[] b = new byte[len];
                buf.getBytes(off, b);
                es.writeBytes(b);
            }
        };
        RecordingPsListener all = new RecordingPsListener();
        ProgramStreamDemuxer d = new ProgramStreamDemuxer(new ProgramStreamVideoExtractor(video, all));
        for (int i = 0; i < data.length; i += 13) {
            d.feed(Unpooled.wrappedBuffer(data), i, Math.min(13, data.length - i), i);
        }
        d.finish();
        assertThat(es.toByteArray()).isEqualTo(ProgramStreamDemuxerTest.concat(ProgramStreamDemuxerTest.IDR,
                ProgramStreamDemuxerTest.P));
        assertThat(events).containsExactly("codec H264", "au 90000", "au 93600");
        assertThat(all.events).isEqualTo(ProgramStreamDemuxerTest.demux(data).events);
    }
}
