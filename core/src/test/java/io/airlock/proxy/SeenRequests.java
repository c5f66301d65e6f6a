package io.airlock.proxy;

import io.airlock.server.Authenticator;
import io.netty.handler.codec.http.HttpRequest;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A camera's {@link Authenticator} that lets everything through and remembers the methods (OPTIONS aside). */
final class SeenRequests implements Authenticator {

    private final List<String> methods = new CopyOnWriteArrayList<>();

    @Override
    public String challenge(InetSocketAddress peer, HttpRequest request) {
        methods.add(request.method().name());
        return null;
    }

    long count(String method) {
        return methods.stream().filter(method::equals).count();
    }

    /** Waits up to {@code millis} for a request of {@code method}. */
    boolean await(String method, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (count(method) == 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public String toString() {
        return methods.toString();
    }
}
