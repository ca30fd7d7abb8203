package org.arrowsync.jobs;

import java.util.UUID;
import org.arrowsync.audit.AuditTrail;
import org.arrowsync.ledger.InvoiceService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The schedule's closing of past months: their pending invoices become created, as the audit log records (D291), an
 * invoice's state being what an operator's {@code set_state} changes, which it records too.
 */
@Component
public class InvoiceClosing {

    static final String ACTION = "invoices_close_past_months";

    private final InvoiceService invoices;
    private final AuditTrail audit;

    InvoiceClosing(InvoiceService invoices, AuditTrail audit) {
        this.invoices = invoices;
        this.audit = audit;
    }

    /** Closes the past months' pending invoices; returns how many. */
    public int closePastMonths() {
        int closed = invoices.closePastMonths();
        if (closed > 0) {
            audit.recordOwn(
                    UUID.randomUUID(),
                    JobRequest.BY_SCHEDULE,
                    ACTION,
                    null,
                    JsonNodeFactory.instance.objectNode().put("invoices_closed", closed));
        }
        return closed;
    }
}
