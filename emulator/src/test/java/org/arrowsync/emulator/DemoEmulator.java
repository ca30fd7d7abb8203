package org.arrowsync.emulator;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One demo emulator per test class, reset to the demo preset and a fixed clock before each test. */
abstract class DemoEmulator {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final String MSP = "E1-2-b2f08942207fbd6838ba332a98387c69";
    static final String ALT = "DJ284LDZ-standard";

    static ArrowEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = ArrowEmulator.start(EmulatorOptions.demo().withClock(NOW));
        http = new Http(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        http.control("POST", "preset", "{\"preset\":\"demo\",\"clock\":\"" + NOW + "\"}");
        http.control("POST", "rate-limit", "{\"requestsPerSecond\":0}");
    }

    static void setClock(String instant) {
        http.control("POST", "clock", "{\"now\":\"" + instant + "\"}");
    }
}
