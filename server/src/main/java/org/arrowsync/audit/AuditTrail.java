package org.arrowsync.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.RequestIds;
import org.arrowsync.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records who changed what. Requests are recorded by the web layer's {@link AuditFilter} as they end, whichever
 * controller served them (the API's or the console's); what the server does of its own accord (a schedule queuing a
 * job) is recorded here, with the schedule as the actor.
 */
@Service
public class AuditTrail {

    /** The request attribute holding the uuid the request will be recorded under. */
    static final String ENTRY = AuditTrail.class.getName() + ".entry";

    /**
     * The request attribute a page sets when it refused the form it answers (with a 200, as a page showing the form's
     * errors answers): the entry records the request as refused, 400.
     */
    public static final String REFUSED = AuditTrail.class.getName() + ".refused";

    /**
     * The request attribute a page sets when it answers a form with a question before acting on it: nothing was done,
     * so nothing is recorded; the confirmed form is.
     */
    public static final String ASKED = AuditTrail.class.getName() + ".asked";

    private final AuditRepository entries;
    private final Clock clock;

    AuditTrail(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * The entry the request this thread serves is recorded as once it ends, so that what it starts (a job) can name it;
     * empty outside a request that changes something.
     */
    public Optional<UUID> currentEntry() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null
                ? Optional.empty()
                : Optional.ofNullable((UUID) request.getAttribute(ENTRY, RequestAttributes.SCOPE_REQUEST));
    }

    /** Records, under {@code entry}, an action the server took of its own accord on behalf of {@code actor}. */
    public void recordOwn(UUID entry, String actor, String action, UUID targetUuid, JsonNode details) {
        entries.insert(new AuditEntry(entry, clock.instant(), actor, action, targetUuid, details, null, "", "", ""));
    }

    /**
     * Records a console sign-in or sign-out, which Spring Security answers before any controller (so the
     * {@link AuditFilter} never sees it): who ({@code actor}, the username typed for a refused sign-in), the user
     * signed in or out ({@code user}, null when none), the outcome as an HTTP status (200 done, 401 wrong username or
     * password, 429 throttled, 503 not checked), the request's method and path, and where it came from. The form's
     * fields, which hold a password, are never kept.
     */
    public void recordSignIn(String action, String actor, UUID user, int status, HttpServletRequest request) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("method", request.getMethod());
        summary.put("path", request.getRequestURI());
        entries.insert(new AuditEntry(
                UUID.randomUUID(),
                clock.instant(),
                Texts.truncate(actor, 150),
                action,
                user,
                summary,
                status,
                request.getRemoteAddr(),
                RequestIds.current() == null ? "" : RequestIds.current(),
                ""));
    }

    void record(AuditEntry entry) {
        entries.insert(entry);
    }

    Instant now() {
        return clock.instant();
    }

    AuditEntry get(UUID uuid) {
        return entries.find(uuid).orElseThrow(NotFound::new);
    }

    public Listing<AuditEntry> list(Filter filter, PageRequest page) {
        return entries.list(filter, page);
    }

    /** The audit log's list filters; {@code from} is inclusive, {@code before} exclusive; {@code entry}: one entry. */
    public record Filter(UUID entry, String actor, String action, UUID targetUuid, Instant from, Instant before) {}
}
