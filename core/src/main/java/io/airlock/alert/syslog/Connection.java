package io.airlock.alert.syslog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** One way to a collector. Used by the sender thread; {@link #close} may also come from a thread aborting it. */
interface Connection extends Closeable {

    /** Connects now unless connected, so that a dead collector shows at start. */
    void open() throws IOException;

    /** Sends one message, connecting first when needed; on failure the connection is closed and reopened next time. */
    void send(ByteBuffer message) throws IOException;

    /** Pushes buffered messages to the socket. */
    void flush() throws IOException;

    /** Connections established so far. */
    long connects();
}
