package org.arrowsync.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.arrowsync.shared.DataFolder;
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

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.cluster().jdbcUrl());
        dataSource.setUsername(PostgresCluster.SUPERUSER);
        dataSource.setPassword(database.cluster().password().orElseThrow());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("arrowsync-embedded");
        return dataSource;
    }
}
