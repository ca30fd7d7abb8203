package org.arrowsync.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Texts;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The audit log, newest first; read-only (no API changes an entry, and the database refuses to). */
@Tag(name = "Audit")
@RestController
@RequestMapping("/api/admin/audit-log/")
class AuditLogController {

    static final String COLLECTION = "admin/audit-log";

    private final AuditTrail trail;

    AuditLogController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "List audit entries, newest first")
    Listing<AuditLogEntry> list(
            @Parameter(description = "Who acted: a username, or schedule") @RequestParam(required = false) String actor,
            @Parameter(description = "The operation, as the API description names it (admin_arrow_settings_create)")
                    @RequestParam(required = false)
                    String action,
            @Parameter(description = "What the change was made to")
                    @RequestParam(name = "target_uuid", required = false)
                    String targetUuid,
            @Parameter(description = "Entries at or after this time (ISO 8601 date or date/time)")
                    @RequestParam(name = "created_from", required = false)
                    String from,
            @Parameter(description = "Entries before this time (ISO 8601 date or date/time)")
                    @RequestParam(name = "created_to", required = false)
                    String to,
            PageRequest page) {
        AuditTrail.Filter filter = new AuditTrail.Filter(
                null,
                Texts.strippedOrNull(actor),
                Texts.strippedOrNull(action),
                Filters.uuid("target_uuid", targetUuid),
                Filters.instant("created_from", from),
                Filters.instant("created_to", to));
        return trail.list(filter, page).map(AuditLogEntry::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve an audit entry")
    AuditLogEntry get(@PathVariable String uuid) {
        return AuditLogEntry.of(trail.get(Uuids.fromPath(uuid)));
    }

    /**
     * An audit entry on the wire: {@code request} is what was asked (method, path, parameters, JSON body) with secrets
     * masked; {@code status} the answer's HTTP status, null for what a schedule did.
     */
    record AuditLogEntry(
            String url,
            String uuid,
            Instant created,
            String actor,
            String action,
            @Schema(nullable = true) String targetUuid,
            JsonNode request,
            @Schema(nullable = true) Integer status,
            String clientAddress,
            String requestId,
            String reason) {

        static AuditLogEntry of(AuditEntry entry) {
            return new AuditLogEntry(
                    ApiUrls.of(COLLECTION, entry.uuid()),
                    Uuids.hex(entry.uuid()),
                    entry.created(),
                    entry.actor(),
                    entry.action(),
                    Uuids.hex(entry.targetUuid()),
                    entry.request(),
                    entry.status(),
                    entry.clientAddress(),
                    entry.requestId(),
                    entry.reason());
        }
    }
}
