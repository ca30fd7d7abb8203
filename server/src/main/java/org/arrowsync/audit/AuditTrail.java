package org.arrowsync.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JsonNode;

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
