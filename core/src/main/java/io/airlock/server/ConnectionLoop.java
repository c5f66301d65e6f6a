package io.airlock.server;

import io.netty.channel.ChannelHandlerContext;

import java.util.concurrent.RejectedExecutionException;

/** Work handed from any thread to the event loop of one recorder connection, where its sessions live. */
final class ConnectionLoop {

    private ConnectionLoop() {
    }

    /**
     * Runs {@code task} on {@code ctx}'s event loop; false when that loop is shutting down and refused it: its
     * connections, and their sessions, are closing anyway.
     */
    static boolean run(final ChannelHandlerContext ctx, final Runnable task) {
        try {
            ctx.executor().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
