package org.arrowsync.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.arrowsync.audit.AuditedRead;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Staff download a consistent backup of all data while the server keeps running and syncing. */
@Tag(name = "Backup")
@RestController
class BackupController {

    private static final String GZIP = "application/gzip";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BackupController(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @AuditedRead
    @GetMapping(value = "/api/admin/backup/", produces = GZIP)
    @Operation(summary = "Download a backup of all data (gzip; restore it with the jar's restore command)")
    ResponseEntity<StreamingResponseBody> backup() {
        Instant created = clock.instant();
        ContentDisposition file = ContentDisposition.attachment()
                .filename(BackupFormat.fileName(created))
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(GZIP))
                .header(HttpHeaders.CONTENT_DISPOSITION, file.toString())
                .body(out -> jdbc.execute((ConnectionCallback<BackupSummary>) connection -> {
                    try {
                        return BackupWriter.write(connection, out, created);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }
}
