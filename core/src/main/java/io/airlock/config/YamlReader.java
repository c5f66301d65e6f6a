package io.airlock.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming parser, keeping the location of every key
 * and value. Bounded: nesting depth, node count and scalar length are capped, aliases are refused (no
 * "billion laughs"), and a syntax error becomes one problem at its location, never an exception.
 */
final class YamlReader {

    static final int MAX_DEPTH = 12;
    static final int MAX_NODES = 50_000;
    static final int MAX_SCALAR_LENGTH = 8192;

    private final Problems problems;
    private int nodes;

    private YamlReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root node, or null when the text is not readable YAML (the reason is in {@code problems}). */
    static YamlNode read(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 4);
        options.setCodePointLimit(ConfigLoader.MAX_FILE_BYTES + 1);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 4).build())
                .build();
        YamlReader reader = new YamlReader(problems);
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.error(1, 1, "the file is empty: it needs at least 'cameras' and 'recorders'");
                return null;
            }
            YamlNode root = reader.node(p, first, 0);
            if (root != null && p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.error(at.getLineNr(), at.getColumnNr(), "only one YAML document is allowed (remove '---')");
                return null;
            }
            return root;
        } catch (IOException | RuntimeException e) {
            reader.syntaxError(e);
            return null;
        }
    }

    private YamlNode node(JsonParser p, JsonToken token, int depth) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (++nodes > MAX_NODES) {
            problems.error(line, column, "the document has more than " + MAX_NODES + " values");
            return null;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (depth >= MAX_DEPTH) {
                problems.error(line, column, "nested deeper than " + MAX_DEPTH + " levels");
                return null;
            }
            return token == JsonToken.START_OBJECT ? mapping(p, line, column, depth) : sequence(p, line, column, depth);
        }
        boolean alias = p instanceof YAMLParser y && y.isCurrentAlias();
        boolean empty = token == JsonToken.VALUE_NULL;
        String text = empty ? "" : p.getText();
        if (text == null) {
            text = "";
        }
        if (text.length() > MAX_SCALAR_LENGTH) {
            problems.error(line, column, "value longer than " + MAX_SCALAR_LENGTH + " characters");
            text = "";
        }
        return new YamlNode.Scalar(text, empty, alias, line, column);
    }

    private YamlNode mapping(JsonParser p, int line, int column, int depth) throws IOException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            JsonLocation at = p.currentTokenLocation();
            YamlNode.Scalar key = new YamlNode.Scalar(p.currentName(), false, false, at.getLineNr(), at.getColumnNr());
            YamlNode value = node(p, p.nextToken(), depth + 1);
            if (value == null) {
                return null;
            }
            entries.add(new YamlNode.Entry(key, value));
        }
        return t == JsonToken.END_OBJECT ? new YamlNode.Mapping(List.copyOf(entries), line, column) : null;
    }

    private YamlNode sequence(JsonParser p, int line, int column, int depth) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            YamlNode item = node(p, t, depth + 1);
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return t == JsonToken.END_ARRAY ? new YamlNode.Sequence(List.copyOf(items), line, column) : null;
    }

    /**
     * Reports a parse failure. Only SnakeYAML's short problem text is used: the full message quotes the offending
     * line, which may hold a password.
     */
    private void syntaxError(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark mark = m.getProblemMark();
                problems.error(mark.getLine() + 1, mark.getColumn() + 1, "YAML syntax: " + m.getProblem());
                return;
            }
        }
        int line = 0;
        int column = 0;
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            line = Math.max(0, j.getLocation().getLineNr());
            column = Math.max(0, j.getLocation().getColumnNr());
        }
        problems.error(line, column, "YAML syntax: " + quoteFree(e.getMessage()));
    }

    /** The first line of {@code message} up to any quote: what follows a quote may be document text. */
    private static String quoteFree(String message) {
        if (message == null) {
            return "unreadable document";
        }
        int end = message.length();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\'' || c == '"' || c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        return end == 0 ? "unreadable document" : message.substring(0, Math.min(end, 160)).trim();
    }
}
