package org.arrowsync.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.arrowsync.shared.DataFolder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded PostgreSQL when no {@code spring.datasource.url} is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataFolder dataFolder) {
        return EmbeddedDatabase.openForServer(dataFolder.path());
    }

    /**
     * {@code spring.datasource.hikari.connection-timeout} and {@code maximum-pool-size}, as for an external database:
     * how long a request waits for a connection before it is told the database is unavailable, and how many there are.
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(
            EmbeddedDatabase database,
            @Value("${spring.datasource.hikari.connection-timeout:30000}") Duration connectionTimeout,
            @Value("${spring.datasource.hikari.maximum-pool-size:30}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setConnectionTimeout(connectionTimeout.toMillis());
        dataSource.setJdbcUrl(database.cluster().jdbcUrl());
        dataSource.setUsername(PostgresCluster.SUPERUSER);
        dataSource.setPassword(database.cluster().password().orElseThrow());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("arrowsync-embedded");
        return dataSource;
    }
}
