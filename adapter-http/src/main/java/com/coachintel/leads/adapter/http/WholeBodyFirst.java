package com.coachintel.leads.adapter.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Reads a request's whole body without a thread, before the request goes on to Javalin, whose reads block. A client
 * that sends its body slowly, or never, then costs a connection and at most {@code maxBytes} of memory, never a thread
 * of the pool: 300 such clients no longer stop the API from answering.
 *
 * <p>The body must arrive within {@code deadline} of its first wait: a client that goes silent is answered 408 at
 * the connection's idle timeout (Jetty reports that as a transient failure, which a plain eager loader would wait
 * through), and one that trickles is answered 408 at the first byte after the deadline. A body over {@code maxBytes}
 * is answered 413 as it arrives. All three are problem+json ({@link JettyProblems}).
 */
final class WholeBodyFirst implements EagerContentHandler.ContentLoaderFactory {

    private final java.util.function.ToLongFunction<String> maxBytesForPath;
    private final Duration deadline;

    /**
     * @param maxBytesForPath the largest body a path takes (a request over it is 413)
     * @param deadline        how long a body may take to arrive
     */
    WholeBodyFirst(java.util.function.ToLongFunction<String> maxBytesForPath, Duration deadline) {
        this.maxBytesForPath = maxBytesForPath;
        this.deadline = deadline;
    }

    @Override
    public String getApplicableMimeType() {
        return null; // every content type
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(String contentType, String mimeType, Handler handler,
            Request request, Response response, Callback callback) {
        return new Loader(handler, request, response, callback);
    }

    private final class Loader extends EagerContentHandler.ContentLoader implements Runnable {

        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final long deadlineNanos = System.nanoTime() + deadline.toNanos();
        private final long maxBytes;

        Loader(Handler handler, Request request, Response response, Callback callback) {
            super(handler, request, response, callback);
            this.maxBytes = maxBytesForPath.applyAsLong(request.getHttpURI().getPath());
        }

        @Override
        protected void load() {
            read(false);
        }

        /** Called by Jetty when more of the body (or a failure) is there. */
        @Override
        public void run() {
            read(true);
        }

        private void read(boolean fromDemand) {
            while (true) {
                Content.Chunk chunk = getRequest().read();
                if (chunk == null) {
                    if (System.nanoTime() - deadlineNanos > 0) {
                        refuse(HttpStatus.REQUEST_TIMEOUT_408);
                    } else {
                        getRequest().demand(this);
                    }
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // Transient: the idle timeout passed with nothing arriving. Last: the connection broke.
                    if (chunk.isLast()) {
                        getCallback().failed(chunk.getFailure());
                    } else {
                        refuse(HttpStatus.REQUEST_TIMEOUT_408);
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                if (body.size() + bytes.remaining() > maxBytes) {
                    chunk.release();
                    refuse(HttpStatus.PAYLOAD_TOO_LARGE_413);
                    return;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy, 0, copy.length);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    Request whole = new WholeBody(getRequest(), body.toByteArray());
                    if (fromDemand) {
                        getRequest().getContext().execute(() -> handle(whole, getResponse(), getCallback()));
                    } else {
                        handle(whole, getResponse(), getCallback());
                    }
                    return;
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    refuse(HttpStatus.REQUEST_TIMEOUT_408);
                    return;
                }
            }
        }

        private void refuse(int status) {
            // The rest of the body is not read: the connection closes after this answer.
            Response.writeError(getRequest(), getResponse(), getCallback(), status);
        }
    }

    /** The request, its body served from memory. */
    private static final class WholeBody extends Request.Wrapper {

        private Content.Chunk remaining;

        WholeBody(Request wrapped, byte[] body) {
            super(wrapped);
            this.remaining = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = remaining;
            remaining = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // everything is here
        }
    }
}
