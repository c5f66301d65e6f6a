package io.airlock.server;

import io.airlock.wire.Rejection;

import java.net.InetSocketAddress;

/** Control-plane events of an {@link RtspServer}; called on event-loop threads, so keep it short. */
public interface ServerListener {

    ServerListener NONE = new ServerListener() {
    };

    /**
     * A SETUP was refused by the destination policy (461 sent).
     *
     * @param transportHeader the Transport value as received (for evidence), possibly null
     */
    default void refused(final InetSocketAddress peer, final TransportRefusal reason, final String transportHeader) {
    }

    /**
     * A SETUP for a new session was refused with 453 because {@code max} sessions were already being served.
     *
     * @param path the stream the recorder asked for
     */
    default void sessionLimitReached(final InetSocketAddress peer, final String path, final int max) {
    }

    /** A connection was closed for breaking the framing or protocol rules. */
    default void connectionRejected(final InetSocketAddress peer, final Rejection reason) {
    }

    /** A session began playing. */
    default void playing(final InetSocketAddress peer, final String path, final String sessionId) {
    }

    /** A session ended (TEARDOWN, timeout or connection close). */
    default void sessionEnded(final InetSocketAddress peer, final String sessionId) {
    }
}
