package org.arrowsync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.arrowsync.shared.DataFolder;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL the server runs on: a supported major, durable, and closed to anyone without its password.
 */
class EmbeddedDatabaseIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DataFolder dataFolder;

    @Autowired
    EmbeddedDatabase database;

    @ParameterizedTest
    @ValueSource(strings = {"fsync", "synchronous_commit", "full_page_writes"})
    void writesReachTheDiskBeforeACommitReturns(String setting) {
        assertThat(JdbcClient.create(dataSource)
                        .sql("show " + setting)
                        .query(String.class)
                        .single())
                .isEqualTo("on");
    }

    @Test
    void runsASupportedPostgresqlMajorWithDataChecksums() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("show server_version_num").query(Integer.class).single() / 10000)
                .isEqualTo(PostgresCluster.CURRENT_MAJOR);
        assertThat(jdbc.sql("show data_checksums").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void refusesConnectionsWithoutThePassword() throws Exception {
        String url = database.cluster().jdbcUrl();
        String password = Files.readString(EmbeddedDatabase.passwordFile(dataFolder.path()))
                .trim();

        assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(url, "postgres"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        try (Connection connection = connect(url, password)) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void keepsTheDataFolderAndThePasswordToTheOwnerAndTrustsNobody() throws Exception {
        Path folder = dataFolder.path();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(EmbeddedDatabase.passwordFile(folder))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(EmbeddedDatabase.clusterFolder(folder))))
                .isEqualTo("rwx------");
        List<String> rules = Files.readAllLines(
                        EmbeddedDatabase.clusterFolder(folder).resolve("pg_hba.conf"))
                .stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
    }

    /**
     * The binaries PostgreSQL runs from lie in an owner-only data folder, not in the temporary directory that zonky
     * shares with every user of the host (who could swap them).
     */
    @Test
    void runsPostgresqlFromBinariesOnlyItsOwnerCanChange() throws Exception {
        String pid = Files.readAllLines(
                        EmbeddedDatabase.clusterFolder(dataFolder.path()).resolve("postmaster.pid"))
                .get(0)
                .trim();
        Path binary = Files.readSymbolicLink(Path.of("/proc", pid, "exe"));
        Path binaries = binary;
        while (binaries != null && !binaries.getFileName().toString().equals("postgres-binaries")) {
            binaries = binaries.getParent();
        }
        assertThat(binaries).as(binary.toString()).isNotNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries.getParent())))
                .as("the data folder it lies in")
                .isEqualTo("rwx------");
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }
}
