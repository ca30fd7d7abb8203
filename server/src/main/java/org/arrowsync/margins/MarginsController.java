package org.arrowsync.margins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.shared.CsvBody;
import org.arrowsync.shared.Filters;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Margin reports of a month: per customer as JSON, line by line as CSV. */
@Tag(name = "Margins")
@RestController
@RequestMapping("/api/admin/arrow/reports/")
class MarginsController {

    private final MarginReports reports;

    MarginsController(MarginReports reports) {
        this.reports = reports;
    }

    @GetMapping("margins/")
    @Operation(
            summary = "Margins of a month per customer and currency",
            description =
                    "Arrow's buy and sell, what was billed (items and corrections; a canceled invoice bills nothing),"
                            + " the margin and its percent of what was billed, over the lines the billing sync invoices"
                            + " and the license-months consumption tracking bills.")
    List<CustomerMargin> margins(
            @RequestParam @Parameter(description = "The month, YYYY-MM") String period,
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid,
            @RequestParam(name = "customer_uuid", required = false) String customerUuid) {
        return reports.margins(scope(period, settingsUuid, customerUuid));
    }

    @GetMapping(value = "lines/", produces = CsvBody.MEDIA_TYPE)
    @Operation(
            summary = "Every line of a month as CSV",
            description = "One row per line (a header row first): customer, vendor, subscription_reference,"
                    + " license_reference, classification, quantity, buy, sell, billed, margin, currency, invoice_uuid,"
                    + " invoice_item_uuid. Streamed; RFC 4180 quoting; a text cell that a spreadsheet would read as a"
                    + " formula starts with '. Ask with Accept: text/csv or format=csv.")
    @Parameter(
            name = "format",
            in = ParameterIn.QUERY,
            description = "csv: the same as Accept: text/csv",
            schema = @Schema(allowableValues = {"csv"}))
    @ApiResponse(
            responseCode = "200",
            description = "The lines, as CSV",
            content = @Content(mediaType = CsvBody.MEDIA_TYPE, schema = @Schema(type = "string")))
    ResponseEntity<CsvBody> lines(
            @RequestParam @Parameter(description = "The month, YYYY-MM") String period,
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid,
            @RequestParam(name = "customer_uuid", required = false) String customerUuid) {
        LineScope scope = scope(period, settingsUuid, customerUuid);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("arrow-lines-" + scope.period() + ".csv")
                                .build()
                                .toString())
                .body(csv -> reports.writeLines(scope, csv));
    }

    private LineScope scope(String period, String settingsUuid, String customerUuid) {
        return reports.scope(
                Filters.period("period", period),
                Filters.uuid("settings_uuid", settingsUuid),
                Filters.uuid("customer_uuid", customerUuid));
    }
}
