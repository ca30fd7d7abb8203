package org.arrowsync.support;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The {@link TestClock} as the server's clock. Listed in the test classpath's auto-configurations, so that every server
 * a test starts takes it: the shared test context, servers started in the test's JVM and servers in JVMs of their own
 * (they run on the test classpath).
 */
@AutoConfiguration
public class TestClockConfiguration {

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.clock();
    }
}
