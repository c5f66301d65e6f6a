package io.airlock.server;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The RTSP sessions of one recorder connection, by id. Used only on the connection's event loop. Ending a session
 * stops its media, frees its transports, and tells the server's count and listener.
 */
final class SessionTable {

    private final Map<String, RtspSession> sessions = new LinkedHashMap<>();
    private final RtspServer server;
    private final InetSocketAddress peer;

    SessionTable(final RtspServer server, final InetSocketAddress peer) {
        this.server = server;
        this.peer = peer;
    }

    /** The session with {@code id}, or null. */
    RtspSession get(final String id) {
        return sessions.get(id);
    }

    int size() {
        return sessions.size();
    }

    boolean isEmpty() {
        return sessions.isEmpty();
    }

    /** Adds a session holding a slot of the server's {@link SessionLimit}; the slot is given back when it ends. */
    void add(final RtspSession session) {
        sessions.put(session.id(), session);
    }

    /** Ends one session (TEARDOWN, or its recorder stalled); false when it had already ended. */
    boolean end(final RtspSession session) {
        if (sessions.remove(session.id(), session)) {
            close(session);
            return true;
        }
        return false;
    }

    /** Ends every session (the connection closed). */
    void endAll() {
        for (RtspSession s : sessions.values()) {
            close(s);
        }
        sessions.clear();
    }

    /** Ends the sessions not heard from within {@code timeoutNanos}; whether any ended. */
    boolean endIdle(final long nowNanos, final long timeoutNanos) {
        boolean expired = false;
        for (Iterator<RtspSession> it = sessions.values().iterator(); it.hasNext();) {
            final RtspSession s = it.next();
            if (nowNanos - s.lastActivityNanos() > timeoutNanos) {
                it.remove();
                close(s);
                expired = true;
            }
        }
        return expired;
    }

    /** Ends the sessions {@code end} picks by peer and source path; the source path of each one ended. */
    List<String> endPicked(final BiPredicate<InetSocketAddress, String> end) {
        final List<String> ended = new ArrayList<>();
        for (Iterator<RtspSession> it = sessions.values().iterator(); it.hasNext();) {
            final RtspSession s = it.next();
            if (end.test(peer, s.source().path())) {
                it.remove();
                close(s);
                ended.add(s.source().path());
            }
        }
        return ended;
    }

    /** The peer was heard from: every session on the connection is alive. */
    void touchAll(final long nowNanos) {
        for (RtspSession s : sessions.values()) {
            s.touch(nowNanos);
        }
    }

    /** The connection can take more: each session's TCP egress writes what it still has queued. */
    void writable() {
        // Rare (a stalled recorder recovering): the iteration's allocation is off the packet path.
        for (RtspSession s : sessions.values()) {
            s.writable();
        }
    }

    /** Whether a session here uses interleaved channel {@code ch}. */
    boolean usesChannel(final int ch) {
        for (RtspSession s : sessions.values()) {
            if (s.usesChannel(ch)) {
                return true;
            }
        }
        return false;
    }

    private void close(final RtspSession s) {
        server.sessionLimit().release();
        s.close();
        server.config().listener().sessionEnded(peer, s.id());
    }
}
