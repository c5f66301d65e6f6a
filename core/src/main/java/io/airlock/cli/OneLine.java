package io.airlock.cli;

/** Turns an unexpected exception into one line for a user: its message and where it came from, no stack trace. */
final class OneLine {

    private OneLine() {
    }

    static String of(Throwable t) {
        String msg = t.getMessage();
        String text = msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
        if (t instanceof RuntimeException && !(t instanceof IllegalArgumentException)) {
            StackTraceElement[] st = t.getStackTrace();
            text = "internal error: " + t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg)
                    + (st.length > 0 ? " (at " + st[0].getClassName() + ":" + st[0].getLineNumber() + ")" : "")
                    + "; please report it";
        }
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
