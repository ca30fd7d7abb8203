package org.arrowsync.firstrun;

import java.time.Clock;
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

    @Override
    public synchronized void destroy() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
