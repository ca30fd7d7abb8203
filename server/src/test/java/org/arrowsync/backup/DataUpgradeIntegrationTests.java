package org.arrowsync.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.arrowsync.Application;
import org.arrowsync.backup.BackupRestoreIntegrationTests.Command;
import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.database.PostgresCluster;
import org.arrowsync.support.Api;
import org.arrowsync.support.TestClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A data folder as the previous release left it (PostgreSQL 14, created with the PostgreSQL 14 binaries): the server
 * refuses it untouched, and upgrade-data moves it.
 */
class DataUpgradeIntegrationTests {

    private static final YearMonth MONTH = TestClock.closedMonth();

    @TempDir
    Path folder;

    @Test
    void refusesAPostgresql14FolderUntouchedThenUpgradeDataMovesIt() throws Exception {
        Path cluster = EmbeddedDatabase.clusterFolder(folder);
        try (PostgresCluster old = PostgresCluster.startPostgres14(cluster)) {
            JdbcClient jdbc = JdbcClient.create(old.dataSource());
            assertThat(jdbc.sql("show server_version_num").query(Integer.class).single() / 10000)
                    .isEqualTo(14);
            Flyway.configure().dataSource(old.dataSource()).load().migrate();
            jdbc.sql("""
                    insert into customers (uuid, name, created, modified)
                    values ('6d0b1c1e-0000-4000-8000-000000000001', 'Legacy Ltd', now(), now())""").update();
            jdbc.sql("""
                    insert into invoices (uuid, customer_id, year, month, created, modified)
                    select '6d0b1c1e-0000-4000-8000-000000000002', id, ?, ?, now(), now() from customers""").params(MONTH.getYear(), MONTH.getMonthValue()).update();
            jdbc.sql("""
                    insert into invoice_items (uuid, invoice_id, name, unit_price, quantity, start_date, end_date, details, created)
                    select '6d0b1c1e-0000-4000-8000-000000000003', id, 'Seats', 12.3456789012, 3,
                           make_date(year, month, 1), (make_date(year, month, 1) + interval '1 month - 1 day')::date,
                           '{"note": "tab\\tand é"}', now() from invoices""").update();
        }
        Map<String, String> untouched = contents(folder);

        Process server = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Application.class.getName(),
                        "--server.port=0",
                        "--arrowsync.data.dir=" + folder,
                        "--arrowsync.demo.enabled=false")
                .redirectErrorStream(true)
                .start();
        String output = new String(server.getInputStream().readAllBytes());
        assertThat(server.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as(output).isNotZero();
        assertThat(output)
                .contains("holds a PostgreSQL 14 database; this arrowsync runs PostgreSQL 18")
                .contains("java -jar server/target/arrowsync-server.jar upgrade-data")
                .doesNotContain("\tat ");
        assertThat(output.split("holds a PostgreSQL 14 database", -1))
                .as("one message")
                .hasSize(2);
        assertThat(contents(folder)).as("nothing in the folder touched").isEqualTo(untouched);

        Command upgrade = Command.run("upgrade-data", "--arrowsync.data.dir=" + folder);
        assertThat(upgrade.status()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("counts and checksums match");

        assertThat(PostgresCluster.majorVersion(cluster)).hasValue(PostgresCluster.CURRENT_MAJOR);
        List<Path> aside;
        try (Stream<Path> files = Files.list(folder)) {
            aside = files.filter(file -> file.getFileName().toString().startsWith("postgres-14-"))
                    .toList();
        }
        assertThat(aside).hasSize(1);
        assertThat(PostgresCluster.majorVersion(aside.get(0))).hasValue(14);

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--arrowsync.data.dir=" + folder)) {
            Api api = Api.at(
                    ((WebServerApplicationContext) context).getWebServer().getPort());
            JsonNode invoice = api.get("/api/invoices/?year=" + MONTH.getYear() + "&month=" + MONTH.getMonthValue())
                    .expect(200)
                    .json()
                    .get(0);
            assertThat(invoice.get("customer_name").asString()).isEqualTo("Legacy Ltd");
            assertThat(invoice.get("total").asString()).isEqualTo("37.04");
            assertThat(invoice.get("items").get(0).get("unit_price").asString()).isEqualTo("12.3456789012");
        }

        Command again = Command.run("upgrade-data", "--arrowsync.data.dir=" + folder);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.output()).contains("holds a PostgreSQL 18 database; upgrade-data moves PostgreSQL 14");
    }

    /** Every file under the folder with its SHA-256. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file).toString(), sha256(file));
            }
        }
        return contents;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = BackupFormat.sha256();
        return BackupFormat.hex(digest.digest(Files.readAllBytes(file)));
    }
}
