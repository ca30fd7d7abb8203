package org.arrowsync.audit;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One change and who made it: the actor (a user's name, or {@code schedule}), the action (the operation's name, as the
 * API description names it), what it changed ({@code targetUuid}, when the change names one), the request with its
 * secrets masked, the answer's HTTP status (null for the server's own actions), the client's address, the request id
 * and the reason the actor gave.
 */
public record AuditEntry(
        UUID uuid,
        Instant created,
        String actor,
        String action,
        UUID targetUuid,
        JsonNode request,
        Integer status,
        String clientAddress,
        String requestId,
        String reason) {}
