package org.arrowsync.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.arrowsync.emulator.control.ControlHandler;
import org.arrowsync.emulator.data.Worlds;
import org.arrowsync.emulator.faults.Faults;
import org.arrowsync.emulator.faults.RateLimiter;
import org.arrowsync.emulator.faults.Stats;
import org.arrowsync.emulator.http.ApiError;
import org.arrowsync.emulator.http.ApiHandler;
import org.arrowsync.emulator.http.ApiKey;
import org.arrowsync.emulator.http.EmulatorState;
import org.arrowsync.emulator.http.Exchanges;
import org.arrowsync.emulator.http.Response;
import org.arrowsync.emulator.http.Strictness;

/** A running emulator on 127.0.0.1. Start it, point a client at {@link #apiBaseUrl()}, close it. */
public final class ArrowEmulator implements AutoCloseable {

    /** Enough threads for a client's parallel calls plus a test poking the control API meanwhile. */
    private static final int THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiKey apiKey;

    private ArrowEmulator(HttpServer server, ExecutorService executor, ApiKey apiKey) {
        this.server = server;
        this.executor = executor;
        this.apiKey = apiKey;
    }

    /** Binds 127.0.0.1 on {@code options.port()} (0 = any free port) and starts serving. */
    public static ArrowEmulator start(EmulatorOptions options) {
        Worlds worlds = new Worlds(options.clock());
        worlds.load(options.preset(), options.seed(), options.scale());
        try {
            HttpServer server =
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
            EmulatorState state = new EmulatorState(
                    worlds,
                    new Faults(options.seed()),
                    new RateLimiter(),
                    new Stats(),
                    new Strictness(options.strict()),
                    new ApiKey(options.apiKey()));
            server.createContext(ApiHandler.BASE, new ApiHandler(state));
            server.createContext(ControlHandler.BASE, new ControlHandler(state));
            server.createContext(
                    "/",
                    exchange -> Exchanges.write(
                            exchange,
                            Response.error(
                                    new ApiError(404, "NOT_FOUND", "not an API path: " + exchange.getRequestURI()))));
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
                Thread thread = new Thread(runnable, "arrow-emulator");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            return new ArrowEmulator(server, executor, state.apiKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the emulator to port " + options.port(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>/index.php/api/} (with the trailing slash). */
    public URI apiBaseUrl() {
        return URI.create("http://127.0.0.1:" + port() + ApiHandler.BASE);
    }

    /** {@code http://127.0.0.1:<port>/_emulator/}. */
    public URI controlUrl() {
        return URI.create("http://127.0.0.1:" + port() + ControlHandler.BASE);
    }

    /** The key the API accepts now (the control API may have rotated it). */
    public String apiKey() {
        return apiKey.value();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
