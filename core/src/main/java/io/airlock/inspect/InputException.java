package io.airlock.inspect;

/** Input that cannot be inspected at all. The message is one line that names the file (and the byte offset). */
public final class InputException extends Exception {

    public InputException(String message) {
        super(message, null, false, false);
    }
}
