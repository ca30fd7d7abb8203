package org.arrowsync.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.jobs.JobController.Accepted;
import org.arrowsync.margins.RepriceOutcome;
import org.arrowsync.margins.Repricing;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Uuids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-pricing a month under the price rules: a preview by default, a queued run (202 with the job's uuid) when
 * confirmed. Both check the request first.
 */
@Tag(name = "Margins")
@RestController
class RepriceController {

    private final Repricing repricing;
    private final JobTriggers triggers;

    RepriceController(Repricing repricing, JobTriggers triggers) {
        this.repricing = repricing;
        this.triggers = triggers;
    }

    @PostMapping("/api/admin/arrow/price-rules/reprice/")
    @Operation(
            summary = "Re-price a month under the price rules",
            operationId = "admin_arrow_price_rules_reprice",
            description = "A dry run unless confirm is true: per customer and currency, what the month's lines are"
                    + " billed now, what the rules bill and the corrections that takes. Confirmed, a queued run books"
                    + " those corrections as reconciliation books them (the month's invoice while pending, else the"
                    + " customer's current one); closed invoices never change, and a second run books nothing.")
    @ApiResponse(
            responseCode = "200",
            description = "The dry run: what confirming would book",
            content = @Content(schema = @Schema(implementation = RepriceOutcome.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Queued: the job's uuid; follow it at Location",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    ResponseEntity<?> reprice(@RequestBody RepriceRequest request, Caller caller) {
        LineScope scope = repricing.scope(
                Filters.period("period", request.period()),
                Uuids.optionalField("settings_uuid", request.settingsUuid()),
                Uuids.optionalField("customer_uuid", request.customerUuid()));
        if (!Boolean.TRUE.equals(request.confirm())) {
            return ResponseEntity.ok(repricing.preview(scope));
        }
        return JobController.accepted(triggers.reprice(scope, null, caller.username()), "Re-pricing scheduled");
    }

    record RepriceRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The month, YYYY-MM")
            String period,

            @Schema(description = "The settings whose rules and customers; the active ones when absent")
            String settingsUuid,

            @Schema(description = "Only this operator customer's lines")
            String customerUuid,

            @Schema(description = "Book the corrections (queued); without it, a dry run")
            Boolean confirm) {}
}
