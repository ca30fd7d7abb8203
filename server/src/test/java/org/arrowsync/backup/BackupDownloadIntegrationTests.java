package org.arrowsync.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup download the client gives up on costs the server nothing: the connection it streamed from is discarded; a
 * slow one arrives whole.
 */
class BackupDownloadIntegrationTests extends IntegrationTest {

    private static final String VOLUME = "backup volume ";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDownloadTheClientAbandonsLeavesTheDatabaseConnectionsSound() throws Exception {
        // Enough rows that the server is still streaming them when the client goes away.
        jdbc.sql("""
                        insert into customers (uuid, name, created, modified)
                        select gen_random_uuid(), '%s' || md5(random()::text), now(), now()
                        from generate_series(1, 50000)""".formatted(VOLUME)).update();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                abandonADownload();
                for (int request = 0; request < 20; request++) {
                    api.get("/api/customers/?page_size=1").expect(200);
                }
            }
            assertThat(api.get("/health").expect(200).json().get("status").asString())
                    .isEqualTo("UP");
        } finally {
            jdbc.sql("delete from customers where name like ?")
                    .param(VOLUME + "%")
                    .update();
        }
    }

    /**
     * D255: a download that takes longer than 30 seconds (a large database, a slow link) arrives whole. Here the client
     * pauses 35 s after the first bytes, as a slow link does, then reads the rest.
     */
    @Test
    void aDownloadLongerThanThirtySecondsArrivesWhole(@TempDir Path folder) throws Exception {
        jdbc.sql("""
                        insert into customers (uuid, name, created, modified)
                        select gen_random_uuid(), '%s' || md5(random()::text), now(), now()
                        from generate_series(1, 150000)""".formatted(VOLUME)).update();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", port));
            socket.getOutputStream()
                    .write(("GET /api/admin/backup/ HTTP/1.0\r\nHost: localhost\r\nAuthorization: Token "
                                    + Api.ADMIN_TOKEN + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(400);
            Thread.sleep(35_000);
            byte[] rest = in.readAllBytes();
            byte[] all = new byte[start.length + rest.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(rest, 0, all, start.length, rest.length);
            int body = 0;
            while (!(all[body] == '\r' && all[body + 1] == '\n' && all[body + 2] == '\r' && all[body + 3] == '\n')) {
                body++;
            }
            assertThat(new String(all, 0, body, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            Path file = folder.resolve("download.backup.gz");
            Files.write(file, Arrays.copyOfRange(all, body + 4, all.length));
            BackupSummary summary = BackupReader.verify(file); // BackupRefused when the file was cut short
            assertThat(summary.rows()).isGreaterThan(150000);
        } finally {
            jdbc.sql("delete from customers where name like ?")
                    .param(VOLUME + "%")
                    .update();
        }
    }

    /** Reads the start of a backup, then resets the connection, as a cancelled download or a killed client does. */
    private void abandonADownload() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoLinger(true, 0);
            socket.getOutputStream()
                    .write(("GET /api/admin/backup/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token "
                                    + Api.ADMIN_TOKEN + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readNBytes(400)).hasSize(400);
        }
    }
}
