package org.arrowsync.arrowclient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongSupplier;

/**
 * Reads an answer's body whole (as the client's buffers, not joined: {@link Body}), but no more than {@code maxBytes}
 * and no later than a deadline: an answer that is too large (declared or as it arrives) or that is still arriving at
 * the deadline is cut off, its connection closed, and the body fails with {@link TooLarge} or {@link TooSlow}. A read
 * timeout alone would let a server that sends a byte a second hold a call for ever, and an unbounded buffer would let
 * one answer exhaust the heap.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<Body> {

    /** The answer is larger than the client reads. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("answer too large");
        }
    }

    /** The answer was still arriving at the deadline. */
    static final class TooSlow extends IOException {
        TooSlow() {
            super("answer too slow");
        }
    }

    private final long maxBytes;
    private final long deadline;
    private final LongSupplier nanoTime;
    private final long declared;
    private final CompletableFuture<Body> body = new CompletableFuture<>();
    /** The client's buffers as they came: it allocates each for its body alone, so they are kept, not copied. */
    private final List<ByteBuffer> buffers = new ArrayList<>();

    private Flow.Subscription subscription;
    private long received;

    private BoundedBody(long maxBytes, long deadline, LongSupplier nanoTime, long declared) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.nanoTime = nanoTime;
        this.declared = declared;
    }

    /** Bodies of at most {@code maxBytes}, complete by {@code deadline} (a {@link System#nanoTime()} value). */
    static HttpResponse.BodyHandler<Body> handler(long maxBytes, long deadline) {
        return info -> new BoundedBody(
                maxBytes,
                deadline,
                System::nanoTime,
                info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declared > maxBytes) {
            stop(new TooLarge());
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : items) {
            received += buffer.remaining();
            if (received > maxBytes) {
                stop(new TooLarge());
                return;
            }
            buffers.add(buffer);
        }
        if (nanoTime.getAsLong() - deadline > 0) {
            stop(new TooSlow());
        }
    }

    @Override
    public void onError(Throwable failure) {
        buffers.clear();
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(Body.of(buffers));
        buffers.clear();
    }

    @Override
    public CompletionStage<Body> getBody() {
        return body;
    }

    private void stop(IOException reason) {
        buffers.clear();
        subscription.cancel();
        body.completeExceptionally(reason);
    }
}
