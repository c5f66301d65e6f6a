package io.airlock.support;

import org.bytedeco.javacpp.Loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ffmpeg program shipped inside the {@code org.bytedeco:ffmpeg} native jar, as a process. It links the libraries
 * unpacked beside it (libva, libdrm, the av* libraries), which a fresh machine does not have on its library path, so
 * the process gets that directory as {@code LD_LIBRARY_PATH}.
 */
public final class FfmpegBinary {

    private FfmpegBinary() {
    }

    /** A process builder for {@code ffmpeg args...}. */
    public static ProcessBuilder command(String... args) {
        List<String> argv = new ArrayList<>(List.of(path()));
        argv.addAll(List.of(args));
        return linked(new ProcessBuilder(argv));
    }

    /** Where the bundled binary was unpacked. */
    public static String path() {
        return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }

    /** {@code pb} with the directory of its program first on the library path, where the bundled libraries are. */
    public static ProcessBuilder linked(ProcessBuilder pb) {
        String dir = Path.of(pb.command().get(0)).toAbsolutePath().getParent().toString();
        String inherited = System.getenv("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH", inherited == null || inherited.isEmpty() ? dir : dir + ":" + inherited);
        return pb;
    }
}
