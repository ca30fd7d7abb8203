package org.arrowsync.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * An {@link IntegrationTest} with one Arrow emulator for the test class; faults a test switched on end with the test.
 */
public abstract class ArrowIntegrationTest extends IntegrationTest {

    protected static ArrowEmulator arrow;

    @BeforeAll
    static void startArrow() {
        arrow = ArrowEmulator.start();
    }

    @AfterAll
    static void stopArrow() {
        arrow.close();
    }

    @AfterEach
    void clearArrowFaults() {
        arrow.clearFaults();
    }
}
