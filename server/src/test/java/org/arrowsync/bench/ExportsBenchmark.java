package org.arrowsync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.arrowsync.support.Api;

/**
 * bench/exports: the 200,000-line scale month (see {@link ScaleMonth}) synced, then its lines exported as CSV through
 * {@code GET /api/admin/arrow/reports/lines/} by a server at -Xmx256m, the answer read as it streams and counted, not
 * kept; and the margins report of the same month. Prints rows, bytes, time, rows per second and the server's peak heap;
 * asserts nothing.
 */
public final class ExportsBenchmark {

    public static void main(String[] args) throws Exception {
        try (ScaleMonth month = ScaleMonth.start("256m")) {
            ScaleMonth.Run sync = month.sync();
            long heapAfterSync = month.heap.peakMib();
            Export first = export(month);
            Export second = export(month);
            Instant start = Instant.now();
            int customers = month.api
                    .get("/api/admin/arrow/reports/margins/?period=" + month.period)
                    .expect(200)
                    .json()
                    .size();
            Duration margins = Duration.between(start, Instant.now());

            System.out.printf(
                    "lines in the month:              %,d (synced in %.1f s)%n", month.lines, seconds(sync.time()));
            for (Export export : new Export[] {first, second}) {
                System.out.printf(
                        "lines export (CSV):              %,d rows after the header, %,d bytes, %.1f s, %,.0f rows/s%n",
                        export.rows(), export.bytes(), seconds(export.time()), export.rows() / seconds(export.time()));
            }
            System.out.printf("margins report (JSON):           %,d customers, %.1f s%n", customers, seconds(margins));
            System.out.printf(
                    "server peak heap (of 256 MiB):   %d MiB (%d MiB up to the end of the sync)%n",
                    month.heap.peakMib(), heapAfterSync);
            System.out.printf("server peak old generation:      %d MiB%n", month.heap.peakOldMib());
        }
    }

    private record Export(long rows, long bytes, Duration time) {}

    /** Reads the month's lines as CSV as they arrive, counting rows and bytes; nothing is kept. */
    private static Export export(ScaleMonth month) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(month.api.baseUrl() + "/api/admin/arrow/reports/lines/?period=" + month.period))
                .header("Authorization", "Token " + Api.ADMIN_TOKEN)
                .header("Accept", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .build();
        Instant start = Instant.now();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the export answered " + response.statusCode());
        }
        long rows = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
            }
        }
        return new Export(rows - 1, bytes, Duration.between(start, Instant.now()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private ExportsBenchmark() {}
}
