package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;

/** Ready means ready: until start-up work (the demo included) is done, a load balancer is told to wait. */
class HealthControllerTests {

    @Test
    void answers503UntilTheServerIsReady() {
        // no database is asked while the server is not ready, so none is given
        HealthController health = new HealthController(null, new ApplicationAvailabilityBean());

        assertThat(health.health().getStatusCode().value()).isEqualTo(503);
        assertThat(health.health().getBody()).containsEntry("status", "STARTING");
    }
}
