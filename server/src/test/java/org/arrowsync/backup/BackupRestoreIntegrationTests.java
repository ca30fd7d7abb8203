package org.arrowsync.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import org.arrowsync.Application;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A backup taken over HTTP while a sync runs, restored by the command into a new data folder: a server on it answers
 * every list endpoint as the original did when the backup was taken.
 */
class BackupRestoreIntegrationTests extends IntegrationTest {

    private static final String BACKUP = "/api/admin/backup/";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicenseBilling licenses;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path work;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aBackupTakenWhileASyncRunsRestoresToAServerWithTheSameListsCountsAndTotals() throws Exception {
        YearMonth month = TestClock.closedMonth();
        YearMonth earlier = month.minusMonths(1);
        String settings = fixture.settings();
        fixture.mapAllCustomers();
        assertThat(fixture.syncBilling(month).get("state").asString()).isEqualTo("succeeded");
        assertThat(fixture.reconcileBilling(month, true).get("state").asString())
                .isEqualTo("succeeded");

        // The earlier month's sync waits for its month lock, and so stays running, until the test lets it have it.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            licenses.lockMonthExclusive(Uuids.fromPath(settings), earlier);
            locked.countDown();
            awaitQuietly(release);
        }));
        holder.start();
        Path backup = work.resolve("online.backup.gz");
        Map<String, List<JsonNode>> listed;
        String running;
        try {
            locked.await();
            running = api.post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(earlier))
                    .expect(202)
                    .text("uuid");
            Jobs.awaitState(api, running, "running");
            listed = lists(api, port);

            HttpResponse<Path> download = download(port, backup);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/gzip");
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(value -> assertThat(value).contains("attachment", ".backup.gz"));
            assertThat(job(running).get("state").asString())
                    .as("the sync was still running when the backup ended")
                    .isEqualTo("running");
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(Jobs.await(api, running).get("state").asString()).isEqualTo("succeeded");
        assertThat(lists(api, port).get("/api/invoice-items/"))
                .as("the sync wrote the earlier month after the backup")
                .hasSizeGreaterThan(listed.get("/api/invoice-items/").size());

        Path restored = work.resolve("restored");
        Command restore = Command.run("restore", backup.toString(), "--arrowsync.data.dir=" + restored);
        assertThat(restore.status()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("counts and checksums match");
        // Checked before a server runs on it: a running server works its queues (the webhook orphan check, each
        // minute).
        Path offline = work.resolve("offline.backup.gz");
        Command backupCommand = Command.run("backup", offline.toString(), "--arrowsync.data.dir=" + restored);
        assertThat(backupCommand.status()).as(backupCommand.output()).isZero();
        assertThat(tableChecksums(offline))
                .as("the restored folder backs up to the same rows")
                .isEqualTo(tableChecksums(backup));

        // The sync that ran during the backup is restored as running, and a server resumes such a job once its
        // heartbeat is stale (40 s by default): it must not write while the lists are compared with the backup's.
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--arrowsync.data.dir=" + restored,
                        "--arrowsync.jobs.missed-heartbeats-limit=1000")) {
            int restoredPort =
                    ((WebServerApplicationContext) server).getWebServer().getPort();
            Map<String, List<JsonNode>> after = lists(Api.at(restoredPort), restoredPort);
            assertThat(after.keySet()).isEqualTo(listed.keySet());
            assertThat(totals(listed.get("/api/invoices/"))).containsKey("total");
            assertThat(after.get("/api/admin/audit-log/"))
                    .as("the audit log is restored with the rest")
                    .isNotEmpty();
            assertThatThrownBy(() -> server.getBean(JdbcClient.class)
                            .sql("update audit_log set reason = 'rewritten'")
                            .update())
                    .as("and stays append-only")
                    .rootCause()
                    .hasMessageContaining("append-only");
            for (String list : listed.keySet()) {
                assertThat(after.get(list)).as(list).hasSameSizeAs(listed.get(list));
                assertThat(totals(after.get(list))).as(list).isEqualTo(totals(listed.get(list)));
                if (list.equals("/api/admin/audit-log/")) {
                    // Entries quote requests as they were sent, hyperlinks to the original server's address included.
                    assertThat(after.get(list).stream().map(entry -> entry.get("uuid")))
                            .as(list)
                            .containsExactlyElementsOf(listed.get(list).stream()
                                    .map(entry -> entry.get("uuid"))
                                    .toList());
                } else if (!list.equals("/api/admin/arrow/jobs/")) {
                    assertThat(after.get(list)).as(list).isEqualTo(listed.get(list));
                }
            }
        }
    }

    /** GET /api/admin/backup/ as the admin, saved to a file. */
    static HttpResponse<Path> download(int port, Path file) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + BACKUP))
                                .header("Authorization", "Token " + Api.ADMIN_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(file));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode job(String uuid) {
        return api.get("/api/admin/arrow/jobs/" + uuid + "/").expect(200).json();
    }

    /** Every list the server documents, all pages, with the server's own address taken out of its links. */
    static Map<String, List<JsonNode>> lists(Api api, int port) {
        Map<String, List<JsonNode>> lists = new LinkedHashMap<>();
        JsonNode paths = api.get("/api/schema/").expect(200).json().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (path.getKey().contains("{")
                    || !path.getValue().has("get")
                    || path.getKey().equals(BACKUP)) {
                continue; // a download of all data is no list
            }
            Response first = api.get(path.getKey() + "?page_size=300");
            if (first.status() != 200 || first.header("X-Result-Count") == null) {
                continue;
            }
            long count = Long.parseLong(first.header("X-Result-Count"));
            List<JsonNode> rows = new ArrayList<>();
            for (int page = 1; rows.size() < count; page++) {
                String body = api.get(path.getKey() + "?page_size=300&page=" + page)
                        .expect(200)
                        .body()
                        .replace("localhost:" + port, "server");
                Api.parse(body).valueStream().forEach(rows::add);
            }
            // the backup's own download is audited (D258) as it is taken, before or after its snapshot begins
            rows.removeIf(row -> BACKUP.equals(row.path("request").path("path").asString(null)));
            lists.put(path.getKey(), rows);
        }
        return lists;
    }

    /** The sum of every money field (a decimal string named like a total, price or amount) of a list. */
    static Map<String, BigDecimal> totals(List<JsonNode> rows) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (JsonNode row : rows) {
            for (Map.Entry<String, JsonNode> field : row.properties()) {
                String name = field.getKey();
                if ((name.contains("total") || name.contains("price") || name.contains("amount"))
                        && field.getValue().asString("").matches("-?\\d+(\\.\\d+)?")) {
                    totals.merge(name, new BigDecimal(field.getValue().asString()), BigDecimal::add);
                }
            }
        }
        return totals;
    }

    /** Each table's "rows N sha256 H" line, by table. */
    static Map<String, String> tableChecksums(Path backup) throws IOException {
        Map<String, String> checksums = new LinkedHashMap<>();
        List<String> lines = List.of(
                new String(new GZIPInputStream(Files.newInputStream(backup)).readAllBytes(), StandardCharsets.UTF_8)
                        .split("\n"));
        String table = null;
        for (String line : lines) {
            if (line.startsWith("table ")) {
                table = line;
            } else if (line.startsWith("rows ")) {
                checksums.put(table, line);
            }
        }
        return checksums;
    }

    /** A data command run in this JVM, as {@code java -jar arrowsync-server.jar ARGS} runs it. */
    record Command(int status, String output) {

        static Command run(String... args) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
            int status = new DataCommands(TestClock.clock(), print, print).run(args);
            return new Command(status, output.toString(StandardCharsets.UTF_8));
        }
    }
}
