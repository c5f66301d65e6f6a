package io.airlock.server;

import io.netty.handler.codec.http.HttpRequest;

import java.net.InetSocketAddress;

/** Decides whether a request may proceed; the camera simulator uses none, the proxy plugs in Digest (RFC 2617). */
public interface Authenticator {

    /**
     * @return null to let the request through, else the {@code WWW-Authenticate} value of a 401 reply
     */
    String challenge(InetSocketAddress peer, HttpRequest request);
}
