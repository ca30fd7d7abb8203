package org.arrowsync.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback, as a test runs it: it answers the statuses it is given in turn (the last one for ever
 * after), optionally holds every answer until released, and keeps what it received.
 */
final class Receiver implements AutoCloseable {

    /** One request as received: its headers (lower-case names) and raw body. */
    record Received(Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Integer> statuses;
    private final CountDownLatch release;
    private final boolean drips;
    private int answered;

    private Receiver(List<Integer> statuses, boolean held, boolean drips) {
        this.statuses = new ArrayList<>(statuses);
        this.release = new CountDownLatch(held ? 1 : 0);
        this.drips = drips;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(headers, body));
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (drips) {
                drip(exchange);
            } else {
                exchange.sendResponseHeaders(next(), -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers the statuses in turn, then the last one. */
    static Receiver answering(Integer... statuses) {
        return new Receiver(List.of(statuses), false, false);
    }

    /** Answers 200 at once, then its body a byte every half second, for a minute. */
    static Receiver dripping() {
        return new Receiver(List.of(200), false, true);
    }

    private static void drip(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try {
            for (int i = 0; i < 120; i++) {
                exchange.getResponseBody().write('x');
                exchange.getResponseBody().flush();
                Thread.sleep(500);
            }
        } catch (IOException | InterruptedException gone) {
            // the client gave up: what a dripping receiver is for
        }
    }

    /** Answers 200, but only once released. */
    static Receiver holding() {
        return new Receiver(List.of(200), true, false);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void release() {
        release.countDown();
    }

    /** The next request received within the wait, or an assertion error. */
    Received next(Duration wait) throws InterruptedException {
        Received next = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("the receiver got nothing within " + wait);
        }
        return next;
    }

    private synchronized int next() {
        return statuses.get(Math.min(answered++, statuses.size() - 1));
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
