package org.arrowsync.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    static final String PREFIX = "arrowsync.";

    /** Every metric is named {@code arrowsync_…}, the JVM's and the HTTP server's included, so none collides. */
    @Bean
    MeterFilter arrowsyncNames() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith(PREFIX) ? id : id.withName(PREFIX + id.getName());
            }
        };
    }
}
