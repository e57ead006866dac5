package org.microsmartgrid.city.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.microsmartgrid.city.search.BoundingBox;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One server-sent events client: a bounded queue of frames written with the Servlet's non-blocking output, so no
 * thread ever waits on a client's socket. Frames are written by the feed's writer thread or by the container when the
 * socket can take more; a client whose queue fills up (it does not read) is dropped by the feed.
 */
final class SseClient implements AvailabilityFeed.Subscriber, WriteListener, AsyncListener {

    private final BoundingBox box;
    private final ArrayBlockingQueue<String> queue;
    private final AsyncContext async;
    private final Executor writer;
    private final Consumer<SseClient> onClose;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ServletOutputStream out;
    /** Written since the last flush (only touched under this object's lock). */
    private boolean unflushed;

    SseClient(BoundingBox box, int queueCapacity, AsyncContext async, Executor writer, Consumer<SseClient> onClose) {
        this.box = box;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.async = async;
        this.writer = writer;
        this.onClose = onClose;
    }

    @Override
    public BoundingBox box() {
        return box;
    }

    @Override
    public boolean offer(String frame) {
        if (closed.get()) return true; // the feed is told on close; nothing to do meanwhile
        if (!queue.offer(frame)) return false;
        if (out != null && scheduled.compareAndSet(false, true)) writer.execute(this::drain);
        return true;
    }

    @Override
    public void drop() {
        close();
    }

    /** Starts writing: from now on the container tells when the socket can take more. */
    void start(ServletOutputStream stream) {
        this.out = stream;
        stream.setWriteListener(this); // the container calls onWritePossible at once
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    /** Writes queued frames while the socket takes them without blocking, then flushes. */
    private synchronized void drain() {
        scheduled.set(false);
        ServletOutputStream o = out;
        if (o == null || closed.get()) return;
        try {
            while (o.isReady()) {
                String frame = queue.poll();
                if (frame != null) {
                    o.write(frame.getBytes(StandardCharsets.UTF_8));
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    o.flush();
                } else {
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    @Override
    public void onError(Throwable t) {
        close();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) return;
        onClose.accept(this);
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container completed it (client gone)
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
