package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.port.Cancellation;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels the database work of a request whose client has gone: a search superseded by the next keystroke, say, so
 * that abandoned statements do not queue in front of the live one.
 *
 * <p>Jetty does not notice a client that closes its connection while a request without a body is handled: it reads
 * nothing until the response is written. So the connection's socket is also registered, for reading only, with a
 * selector of this class's own, for as long as the work runs. A client must not send anything while it waits for the
 * answer to a GET, so the socket becoming readable means it has closed (end of stream or reset); bytes are never read
 * here, so Jetty's own reading is untouched. The one client that does send is one that pipelines its next request,
 * which no browser or HTTP library in use does; its request would be cancelled, and answered 503, and retried.
 *
 * <p>The selector waits at most {@link #POLL_MILLIS} at a time, so that registrations made while it waits take effect
 * without a wake-up per request. A socket stays registered (with no interest) between requests of its connection,
 * and leaves the selector when Jetty closes it. A socket is believed readable only by a selection that began after
 * its request was armed: one that began before may report the bytes of that very request, since read by Jetty.
 */
final class ClientDisconnects implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientDisconnects.class);

    /** The longest a new registration waits for the selector to take it up, and a departure to be noticed. */
    static final long POLL_MILLIS = 50;

    private final Selector selector;
    private final Thread watcher;
    // Cancelling opens a connection to PostgreSQL: done off the watcher, so that a slow database cannot delay others.
    private final ExecutorService cancels = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "leads-client-gone-cancel");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    /** Counts the selections; a watch is armed during one and trusted from the next on. */
    private volatile long selection;

    ClientDisconnects() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        watcher = new Thread(this::watch, "leads-client-gone-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** A request's watch: armed while its work runs. */
    private final class Watch {
        final Cancellation cancellation = new Cancellation();
        final long armedDuring = selection;
        volatile boolean armed = true;

        void clientGone() {
            if (armed) {
                armed = false;
                cancels.execute(cancellation::cancel);
            }
        }
    }

    /**
     * Runs {@code work} (a use case that reads the database) under a {@link Cancellation} that is cancelled if the
     * client goes before it is done. Empty when it was: the work's failure is the cancel's, and nobody waits for an
     * answer.
     */
    <T> Optional<T> whileClientWaits(Context ctx, Supplier<T> work) {
        Optional<SelectionKey> key = register(ctx);
        if (key.isEmpty()) {
            return Optional.of(work.get());
        }
        Watch watch = (Watch) key.get().attachment();
        long start = System.nanoTime();
        try {
            return Optional.of(watch.cancellation.run(work));
        } catch (RuntimeException e) {
            if (watch.cancellation.isCancelled()) {
                LOG.info("{} {} abandoned by its client after {} ms: its database work was cancelled request_id={}",
                        ctx.method(), ctx.path(), (System.nanoTime() - start) / 1_000_000, RequestIds.of(ctx));
                return Optional.empty();
            }
            throw e;
        } finally {
            watch.armed = false;
            disarm(key.get());
        }
    }

    private Optional<SelectionKey> register(Context ctx) {
        SelectableChannel channel = channelOf(ctx);
        if (channel == null || !running) {
            return Optional.empty();
        }
        Watch watch = new Watch();
        try {
            SelectionKey key = channel.keyFor(selector);
            if (key == null) {
                key = channel.register(selector, SelectionKey.OP_READ, watch);
            } else {
                key.attach(watch);
                key.interestOps(SelectionKey.OP_READ);
            }
            return Optional.of(key);
        } catch (ClosedChannelException | CancelledKeyException e) {
            // Closed already, or closing: the work runs unwatched, and its answer goes nowhere.
            return Optional.empty();
        }
    }

    private static void disarm(SelectionKey key) {
        try {
            key.interestOps(0);
        } catch (CancelledKeyException e) {
            // the connection closed meanwhile
        }
    }

    /** The socket of the request's connection, or null when there is none to watch (not a plain socket). */
    private static SelectableChannel channelOf(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            return null;
        }
        Object transport = request.getConnectionMetaData().getConnection().getEndPoint().getTransport();
        return transport instanceof SelectableChannel channel ? channel : null;
    }

    private void watch() {
        while (running) {
            try {
                long current = ++selection;
                selector.select(POLL_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.attachment() instanceof Watch watch && watch.armed
                            && watch.armedDuring < current) {
                        // Level-triggered: stop watching first, or a closed socket is selected again at once.
                        disarm(key);
                        watch.clientGone();
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.warn("the client-gone watch failed; it goes on", e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            watcher.join(1_000);
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the client-gone selector failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cancels.shutdownNow();
    }
}
