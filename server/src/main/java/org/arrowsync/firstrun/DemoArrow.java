package org.arrowsync.firstrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.emulator.ArrowEmulator;
import org.arrowsync.emulator.EmulatorOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The demo's ArrowSphere emulator, in this process, at the server's time; it stops when the server stops. It listens on
 * loopback over plain http, which the Arrow client is told to allow for its address only: the key never leaves the
 * machine.
 */
@Component
class DemoArrow implements DisposableBean {

    private final ArrowClients clients;
    private final Clock clock;
    private ArrowEmulator emulator;

    DemoArrow(ArrowClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    synchronized ArrowEmulator start() {
        if (emulator == null) {
            emulator = ArrowEmulator.start(EmulatorOptions.demo().withClock(clock.instant()));
            clients.allowPlainHttpTo(emulator.apiBaseUrl());
        }
        return emulator;
    }

    synchronized Optional<ArrowEmulator> running() {
        return Optional.ofNullable(emulator);
    }

    /**
     * Whether stored settings point at a demo emulator (of this or an earlier run): a loopback URL and the demo key.
     */
    static boolean isDemo(String apiUrl, String apiKey) {
        return EmulatorOptions.DEMO_API_KEY.equals(apiKey) && apiUrl != null && apiUrl.startsWith("http://127.0.0.1:");
    }

    /** Whether a demo emulator answers at this URL now (one another server on the same database runs). */
    static boolean answers(String apiUrl, String apiKey) {
        HttpRequest whoami = HttpRequest.newBuilder(URI.create(apiUrl).resolve("whoami"))
                .header("apiKey", apiKey)
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(whoami, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void destroy() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
