package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedBodyTests {

    private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void keepsTheChunksInTheOrderTheyArrived() throws Exception {
        HttpResponse.BodySubscriber<Body> body = subscribed(1_000, "");
        body.onNext(List.of(buffer("{\"data\":"), buffer("[1,2,")));
        body.onNext(List.of(buffer("3]}")));
        body.onComplete();

        Body answer = body.getBody().toCompletableFuture().get();

        assertThat(text(answer)).isEqualTo("{\"data\":[1,2,3]}");
        assertThat(answer.size()).isEqualTo(16);
    }

    @Test
    void takesOnlyTheBytesLeftInEachBufferAsTheClientHandsThemOver() throws Exception {
        // the client hands over slices of its read buffers: a buffer's bytes are those between position and limit
        ByteBuffer read = ByteBuffer.wrap("HTTP/1.1{\"a\":1}trailing".getBytes(StandardCharsets.UTF_8));
        read.position(8).limit(15);
        HttpResponse.BodySubscriber<Body> body = subscribed(1_000, "");
        body.onNext(List.of(read));
        body.onComplete();

        Body answer = body.getBody().toCompletableFuture().get();

        assertThat(text(answer)).isEqualTo("{\"a\":1}");
    }

    @Test
    void anEmptyBodyIsNoBytes() throws Exception {
        HttpResponse.BodySubscriber<Body> body = subscribed(1_000, "");
        body.onComplete();

        Body answer = body.getBody().toCompletableFuture().get();

        assertThat(answer.size()).isZero();
        assertThat(text(answer)).isEmpty();
    }

    @Test
    void aBodyLargerThanAllowedAsItArrivesFailsAndCancelsTheExchange() {
        CancelCounting subscription = new CancelCounting();
        HttpResponse.BodySubscriber<Body> body = subscribed(10, "", subscription);
        body.onNext(List.of(buffer("0123456")));
        body.onNext(List.of(buffer("789ab")));

        CompletableFuture<Body> answer = body.getBody().toCompletableFuture();

        assertThat(answer)
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(BoundedBody.TooLarge.class);
        assertThat(subscription.cancelled).isTrue();
    }

    @Test
    void aBodyDeclaredLargerThanAllowedIsNotRead() {
        CancelCounting subscription = new CancelCounting();
        HttpResponse.BodySubscriber<Body> body = subscribed(10, "11", subscription);

        assertThat(body.getBody().toCompletableFuture())
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(BoundedBody.TooLarge.class);
        assertThat(subscription.requested).isZero();
    }

    private static HttpResponse.BodySubscriber<Body> subscribed(long maxBytes, String declaredLength) {
        return subscribed(maxBytes, declaredLength, new CancelCounting());
    }

    private static HttpResponse.BodySubscriber<Body> subscribed(
            long maxBytes, String declaredLength, Flow.Subscription subscription) {
        HttpHeaders headers = HttpHeaders.of(
                declaredLength.isEmpty() ? Map.of() : Map.of("Content-Length", List.of(declaredLength)),
                (name, value) -> true);
        HttpResponse.BodySubscriber<Body> body =
                BoundedBody.handler(maxBytes, System.nanoTime() + AN_HOUR).apply(new Info(headers));
        body.onSubscribe(subscription);
        return body;
    }

    private static String text(Body body) throws IOException {
        return new String(body.stream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private record Info(HttpHeaders headers) implements HttpResponse.ResponseInfo {

        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    private static final class CancelCounting implements Flow.Subscription {

        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
