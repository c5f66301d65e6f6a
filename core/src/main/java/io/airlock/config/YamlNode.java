package io.airlock.config;

import java.util.List;

/**
 * A YAML document as the loader sees it: mappings, sequences and scalars, each with the 1-based line and column
 * where it starts. Scalars keep their text as written; typing is the loader's job so that {@code port: 08554} and
 * {@code name: 123} are checked by the rules of their key, not by YAML 1.1 guessing.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    int line();

    int column();

    /** What the node is, for "expected X, found Y" messages. */
    String kind();

    /**
     * A scalar.
     *
     * @param text  the text, never null ("" for null/empty)
     * @param empty whether the value was null, {@code ~} or absent
     * @param alias whether it was an alias ({@code *name}), which the loader refuses
     */
    record Scalar(String text, boolean empty, boolean alias, int line, int column) implements YamlNode {
        @Override
        public String kind() {
            return empty ? "nothing" : "a single value";
        }
    }

    /** A key and its value. */
    record Entry(Scalar key, YamlNode value) {
    }

    /** A mapping, entries in file order (duplicates kept, for the loader to report). */
    record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }
}
