package io.airlock.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a {@code password:}-style value into a {@link Secret}: {@code {env: NAME}}, {@code {file: PATH}} (relative to
 * the configuration file's directory) or a literal, which works but draws a warning. Problems name the variable or
 * file, never the value.
 */
final class SecretResolver {

    /** Larger secret files are refused: a secret is a line, not a document, and /dev/zero must not be read. */
    static final int MAX_SECRET_FILE_BYTES = 64 * 1024;

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final List<String> KEYS = List.of("env", "file");

    private final Function<String, String> env;
    private final Path baseDir;
    private final Problems problems;

    /**
     * @param env     environment lookup ({@code System::getenv} in production)
     * @param baseDir directory relative secret files resolve against, or null to require absolute paths
     */
    SecretResolver(Function<String, String> env, Path baseDir, Problems problems) {
        this.env = env;
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /** The directory relative paths in the file resolve against, or null when only absolute paths are allowed. */
    Path baseDir() {
        return baseDir;
    }

    /** The secret for {@code node} ({@code key} of {@code what}), or null with a problem. */
    Secret resolve(YamlNode node, String key, String what) {
        if (node instanceof YamlNode.Scalar s) {
            if (s.empty() || s.text().isEmpty()) {
                problems.error(node, "'" + key + "' of " + what + " is empty; there are no default passwords");
                return null;
            }
            if (s.alias()) {
                problems.error(node, "YAML aliases (*name) are not supported; write the value out");
                return null;
            }
            problems.warning(node, "'" + key + "' of " + what + " is written in the file; prefer {env: NAME} or"
                    + " {file: PATH}");
            return Secret.literal(s.text());
        }
        Fields f = Fields.of(node, "'" + key + "' of " + what, KEYS, problems);
        String name = f.text("env", false);
        String path = f.text("file", false);
        if ((name == null) == (path == null)) {
            problems.error(node, "'" + key + "' of " + what + " must be {env: NAME}, {file: PATH} or a string");
            return null;
        }
        return name != null ? fromEnv(f.node("env"), name) : fromFile(f.node("file"), path);
    }

    private Secret fromEnv(YamlNode at, String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            problems.error(at, "'" + Text.safe(name) + "' is not an environment variable name");
            return null;
        }
        String value = env.apply(name);
        if (value == null) {
            problems.error(at, "environment variable " + name + " is not set");
            return null;
        }
        if (value.isEmpty()) {
            problems.error(at, "environment variable " + name + " is empty");
            return null;
        }
        return Secret.fromEnv(name, value);
    }

    private Secret fromFile(YamlNode at, String pathText) {
        Path path;
        try {
            path = Paths.get(pathText);
        } catch (RuntimeException e) {
            problems.error(at, "'" + Text.safe(pathText) + "' is not a file path");
            return null;
        }
        if (!path.isAbsolute()) {
            if (baseDir == null) {
                problems.error(at, "secret file '" + Text.safe(pathText) + "' must be an absolute path here");
                return null;
            }
            path = baseDir.resolve(path);
        }
        String value = read(at, path, pathText);
        return value == null ? null : Secret.fromFile(pathText, value);
    }

    private String read(YamlNode at, Path path, String shown) {
        String prefix = "secret file " + Text.safe(shown) + " ";
        if (!Files.isRegularFile(path)) {
            problems.error(at, prefix + (Files.exists(path) ? "is not a regular file" : "does not exist"));
            return null;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_SECRET_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            problems.error(at, prefix + "does not exist");
            return null;
        } catch (IOException | SecurityException e) {
            problems.error(at, prefix + "cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        if (bytes.length > MAX_SECRET_FILE_BYTES) {
            problems.error(at, prefix + "is larger than " + MAX_SECRET_FILE_BYTES + " bytes");
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.error(at, prefix + "is not UTF-8 text");
            return null;
        }
        // Files written by `echo` or an editor end with a newline that is not part of the secret.
        text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (text.isEmpty()) {
            problems.error(at, prefix + "is empty");
            return null;
        }
        return text;
    }
}
