package org.arrowsync.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.arrowsync.audit.AuditTrail;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, read-only (D288): who changed what, when and why, newest first, filtered as the API filters it; the
 * reason a form asked for is read here.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Entries by who acted, the operation, what it was made to and the days it was made on (both included); or one
     * entry ({@code entry}: a job's page links the entry that queued it).
     */
    @GetMapping("/audit")
    String list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entry,
            @RequestParam(name = "target_uuid", required = false) String target,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String until,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        LocalDate first = Filters.date("from", from);
        LocalDate last = Filters.date("until", until);
        AuditTrail.Filter filter = new AuditTrail.Filter(
                Filters.uuid("entry", entry),
                Texts.strippedOrNull(actor),
                Texts.strippedOrNull(action),
                Filters.uuid("target_uuid", target),
                first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last == null
                        ? null
                        : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        String targetText = Texts.strippedOrNull(target);
        model.addAttribute("entries", trail.list(filter, new PageRequest(Math.max(1, page), PAGE_SIZE)));
        model.addAttribute("actor", filter.actor());
        model.addAttribute("action", filter.action());
        model.addAttribute("target", targetText);
        model.addAttribute("from", first);
        model.addAttribute("until", last);
        model.addAttribute("entry", filter.entry());
        model.addAttribute(
                "query",
                ListAddress.of("/audit")
                        .with("entry", Texts.strippedOrNull(entry))
                        .with("actor", filter.actor())
                        .with("action", filter.action())
                        .with("target_uuid", targetText)
                        .with("from", first)
                        .with("until", last)
                        .forPager());
        return "console/audit";
    }
}
