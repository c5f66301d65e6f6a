package io.airlock.container.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One-line error messages built from FFmpeg error codes. */
final class FfmpegErrors {

    private static final int MAX_MESSAGE = 128;

    private FfmpegErrors() {
    }

    /** e.g. {@code "/tmp/x.mp4: cannot open: Invalid data found when processing input (error -1094995529)"}. */
    static String message(Path file, String action, int code) {
        return oneLine(file) + ": " + action + ": " + describe(code) + " (error " + code + ")";
    }

    /** FFmpeg's text for {@code code}, or "unknown error". */
    static String describe(int code) {
        byte[] text = new byte[MAX_MESSAGE];
        if (av_strerror(code, text, text.length) < 0) {
            return "unknown error";
        }
        int n = 0;
        while (n < text.length && text[n] != 0) {
            n++;
        }
        return new String(text, 0, n, StandardCharsets.UTF_8);
    }

    /** The file name with control characters replaced, so a hostile name cannot break the message into lines. */
    static String oneLine(Path file) {
        String name = String.valueOf(file);
        StringBuilder sb = new StringBuilder(Math.min(name.length(), 512));
        for (int i = 0; i < name.length() && i < 512; i++) {
            char c = name.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
