package io.airlock.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Loads {@code airlock.yaml}. Every problem is reported with its line and column, all in one pass: YAML syntax,
 * unknown keys (with "did you mean"), wrong types, bad URLs, CIDRs and durations, duplicate or dangling names, and
 * secrets that cannot be resolved. Files over {@link #MAX_FILE_BYTES} are refused unread. Never throws for a bad
 * file; an {@link UncheckedIOException} only when the embedded demo configuration is missing from the jar.
 */
public final class ConfigLoader {

    /** Largest configuration file read. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private static final String DEMO_RESOURCE = "demo.yaml";

    private ConfigLoader() {
    }

    /** Loads {@code file}; secrets come from the process environment and files beside it. */
    public static ConfigResult load(Path file) {
        return load(file, System::getenv);
    }

    /** Loads {@code file} with environment lookup {@code env} (tests pass a map's {@code get}). */
    static ConfigResult load(Path file, Function<String, String> env) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return failed(source, "is a directory, not a configuration file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                return failed(source, "is larger than " + MAX_FILE_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            return failed(source, "does not exist");
        } catch (IOException | SecurityException e) {
            return failed(source, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(bytes, source, dir, env);
    }

    /** The embedded configuration of {@code airlock demo}: one simulated camera, one local recorder. */
    public static ConfigResult demo() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("resource io/airlock/config/demo.yaml is missing"));
            }
            return parse(in.readNBytes(MAX_FILE_BYTES + 1), "demo.yaml", null, name -> null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads configuration text. Relative secret files resolve against {@code baseDir} (null: only absolute paths).
     */
    public static ConfigResult parse(byte[] bytes, String source, Path baseDir, Function<String, String> env) {
        Problems problems = new Problems();
        if (bytes.length > MAX_FILE_BYTES) {
            problems.error(0, 0, "the file is larger than " + MAX_FILE_BYTES + " bytes");
            return new ConfigResult(source, null, problems.errors(), problems.warnings());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.error(0, 0, "the file is not UTF-8 text");
            return new ConfigResult(source, null, problems.errors(), problems.warnings());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        YamlNode root = YamlReader.read(text, problems);
        AirlockConfig config = null;
        if (root != null) {
            config = ConfigBinder.bind(root, new SecretResolver(env, baseDir, problems), problems);
        }
        if (config == null && !problems.any()) {
            problems.error(0, 0, "the configuration could not be read");
        }
        return new ConfigResult(source, problems.any() ? null : config, problems.errors(), problems.warnings());
    }

    private static ConfigResult failed(String source, String why) {
        Problems problems = new Problems();
        problems.error(0, 0, "the file " + why);
        return new ConfigResult(source, null, problems.errors(), problems.warnings());
    }
}
