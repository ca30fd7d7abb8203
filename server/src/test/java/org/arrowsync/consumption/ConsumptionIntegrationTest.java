package org.arrowsync.consumption;

import org.arrowsync.support.Api;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A consumption test class: the shared server plus its own emulator world of {@code arrowCustomers} mapped Arrow
 * customers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsumptionIntegrationTest extends IntegrationTest {

    static final String BASE = "/api/admin/arrow/billing-syncs/";
    static final String RECORDS = "/api/admin/arrow/consumption-records/";

    @Autowired
    JdbcClient jdbc;

    ConsumptionWorld world;

    private final int arrowCustomers;

    ConsumptionIntegrationTest(int arrowCustomers) {
        this.arrowCustomers = arrowCustomers;
    }

    @BeforeAll
    void buildWorld() {
        world = ConsumptionWorld.create(Api.at(port), jdbc, arrowCustomers);
    }

    @AfterAll
    void stopEmulator() {
        world.close();
    }
}
