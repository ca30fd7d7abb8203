package org.arrowsync.web;

import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For load balancers: 200 once the server is ready (start-up work, the demo included, is done) and while the database
 * answers; 503 otherwise. No authentication.
 */
@RestController
class HealthController {

    private final JdbcClient jdbc;
    private final ApplicationAvailability availability;

    HealthController(JdbcClient jdbc, ApplicationAvailability availability) {
        this.jdbc = jdbc;
        this.availability = availability;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return ResponseEntity.status(503).body(Map.of("status", "STARTING"));
        }
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            return ResponseEntity.ok(Map.of("status", "UP"));
        } catch (DataAccessException e) {
            // the database is unreachable (or the pool's wait ran out); any other failure is a bug, answered as one
            return ResponseEntity.status(503).body(Map.of("status", "DOWN"));
        }
    }
}
