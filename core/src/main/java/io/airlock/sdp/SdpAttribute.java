package io.airlock.sdp;

/** One {@code a=} line: {@code name} and the text after the first ':' (trimmed), or null for a property attribute. */
public record SdpAttribute(String name, String value) {
}
