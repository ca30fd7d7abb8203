package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.arrowsync.billing.BillingReconciliation.LinePreview;
import org.arrowsync.billing.BillingReconciliation.Preview;
import org.arrowsync.billing.BillingReconciliation.RefusedPreview;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What {@code reconcile} would book, per customer, computed now and written nowhere. */
@Tag(name = "Billing")
@RestController
@RequestMapping("/api/admin/arrow/billing-syncs/")
class ReconcilePreviewController {

    private final BillingReconciliation reconciliation;

    ReconcilePreviewController(BillingReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping("reconcile_preview/")
    @Operation(
            summary = "Preview reconciliation of a month: what would be booked per customer, nothing written",
            operationId = "admin_arrow_billing_syncs_reconcile_preview")
    ReconcilePreviewResponse preview(@RequestBody ReconcilePreviewRequest request) {
        Preview preview = reconciliation.preview(reconciliation.target(
                request.year(),
                request.month(),
                Uuids.optionalField("settings_uuid", request.settingsUuid()),
                Boolean.TRUE.equals(request.force())));
        return new ReconcilePreviewResponse(
                preview.period(),
                preview.syncs(),
                preview.compensationTotal(),
                preview.compensationTotals(),
                preview.note(),
                preview.unsyncedLines(),
                preview.customers().stream()
                        .map(customer -> new CustomerPreviewView(
                                Uuids.hex(customer.customerUuid()),
                                customer.customerName(),
                                customer.invoicePeriod(),
                                customer.currency(),
                                customer.compensations(),
                                customer.total(),
                                customer.lines()))
                        .toList(),
                preview.refused().size(),
                preview.refused().stream().map(RefusedView::of).toList(),
                preview.consumptionChanged());
    }

    /** The body of {@code reconcile}. */
    record ReconcilePreviewRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED) Integer year,
            @Schema(requiredMode = RequiredMode.REQUIRED) Integer month,
            String settingsUuid,
            Boolean force) {}

    record ReconcilePreviewResponse(
            String period,
            int syncs,

            @Schema(
                    nullable = true,
                    description = "What would be booked, when every customer's corrections are in one currency; null"
                            + " over several currencies, whose sum would mean nothing (see compensation_totals)")
            BigDecimal compensationTotal,

            @Schema(description = "What would be booked per currency, by ISO 4217 code")
            Map<String, BigDecimal> compensationTotals,

            String note,

            @Schema(
                    description = "Lines Arrow lists for these syncs' customers that no sync recorded yet: not in this"
                            + " preview; a reconciliation that syncs the month first (D105) charges them")
            long unsyncedLines,

            List<CustomerPreviewView> customers,

            @Schema(
                    description = "Corrections the reconciliation would not book (D9, D94, D112, D163) and the"
                            + " credits it holds for a customer Arrow's final export leaves out (D224); not in"
                            + " compensation_total")
            int correctionsRefused,

            List<RefusedView> refused,

            @Schema(
                    description = "Licenses whose month consumption tracking bills, and of which Arrow changed a line's"
                            + " amounts: their finalisation books the difference, which the reconciliation queues"
                            + " (D283); not in compensation_total")
            List<String> consumptionChanged) {}

    /** A correction the reconciliation would not book, and why. */
    record RefusedView(
            String customerUuid,
            String customerName,
            String lineReference,
            String description,
            String currency,

            @Schema(
                    nullable = true,
                    description = "The difference left out; null where Arrow's amount is in another currency than"
                            + " the line's")
            BigDecimal difference,

            String reason,

            @Schema(description = "Whether a later reconciliation books it once the customer has an open invoice")
            boolean waitsForInvoice,

            @Schema(
                    description = "Whether Arrow's export lists none of the customer's lines (D224): a credit held"
                            + " until Arrow lists the customer again, or a forced reconciliation books it")
            boolean customerLeftOut) {

        static RefusedView of(RefusedPreview refused) {
            return new RefusedView(
                    Uuids.hex(refused.customerUuid()),
                    refused.customerName(),
                    refused.lineReference(),
                    refused.description(),
                    refused.currency(),
                    refused.difference(),
                    refused.why(),
                    refused.waitsForInvoice(),
                    refused.customerLeftOut());
        }
    }

    record CustomerPreviewView(
            String customerUuid,
            String customerName,

            @Schema(description = "The month whose invoice the compensations go on")
            String invoicePeriod,

            @Schema(description = "The currency of the customer's corrections: its invoice's")
            String currency,

            int compensations,
            BigDecimal total,
            List<LinePreview> lines) {}
}
