package org.arrowsync.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the job queue runs: worker threads, how often it polls the database, how long a job that lost its database
 * connection waits before it runs again, and the schedule intervals ({@code schedulesEnabled=false} keeps the periodic
 * jobs from being planned, e.g. in tests that move time).
 */
@ConfigurationProperties("arrowsync.jobs")
record JobsProperties(
        @DefaultValue("4") int threads,
        @DefaultValue("2s") Duration pollingInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("4") int missedHeartbeatsLimit,
        @DefaultValue("10s") Duration retryDelay,
        @DefaultValue("true") boolean schedulesEnabled,
        @DefaultValue("1h") Duration invoiceClosingInterval,
        @DefaultValue("10m") Duration billingMaintenanceInterval,
        @DefaultValue("6h") Duration billingSyncInterval,
        @DefaultValue("12h") Duration billingValidationInterval,
        @DefaultValue("1h") Duration consumptionSyncInterval,
        @DefaultValue("6h") Duration consumptionFinalisationInterval) {}
