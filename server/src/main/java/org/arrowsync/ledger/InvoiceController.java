package org.arrowsync.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.arrowsync.ledger.InvoiceService.InvoiceFilter;
import org.arrowsync.ledger.InvoiceService.InvoiceWithItems;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.CsvBody;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger")
@RestController
@RequestMapping("/api/invoices/")
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @GetMapping
    @Operation(summary = "List invoices with their items")
    Listing<InvoiceView> list(
            @RequestParam(name = "customer_uuid", required = false) String customerUuid,
            @Parameter(schema = @Schema(type = "integer")) @RequestParam(required = false) String year,
            @Parameter(schema = @Schema(type = "integer")) @RequestParam(required = false) String month,
            @RequestParam(required = false) String state,
            PageRequest page) {
        InvoiceFilter filter = new InvoiceFilter(
                Filters.uuid("customer_uuid", customerUuid),
                Filters.integer("year", year),
                Filters.integer("month", month),
                Filters.choice("state", state, InvoiceState.values(), InvoiceState::value));
        return invoices.list(filter, page).mapEach(InvoiceView::of);
    }

    @GetMapping(value = "{uuid}/", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retrieve an invoice with its items")
    InvoiceView get(@PathVariable String uuid) {
        return InvoiceView.of(invoices.get(Uuids.fromPath(uuid)));
    }

    /** The same invoice's items as CSV, for {@code Accept: text/csv} (or {@code format=csv}). */
    @GetMapping(value = "{uuid}/", produces = CsvBody.MEDIA_TYPE)
    @ApiResponse(
            responseCode = "200",
            description = "The invoice's items as CSV (Accept: text/csv or format=csv)",
            content = @Content(mediaType = CsvBody.MEDIA_TYPE, schema = @Schema(type = "string")))
    ResponseEntity<CsvBody> getAsCsv(@PathVariable String uuid) {
        InvoiceWithItems invoice = invoices.get(Uuids.fromPath(uuid));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("invoice-" + invoice.invoice().period() + "-"
                                        + Uuids.hex(invoice.invoice().uuid()) + ".csv")
                                .build()
                                .toString())
                .body(invoice::writeItems);
    }

    /** Staff move an invoice forward: pending → created → paid, or canceled. */
    @PostMapping("{uuid}/set_state/")
    @Operation(summary = "Change an invoice's state (pending, created, paid, canceled)")
    InvoiceView setState(@PathVariable String uuid, @RequestBody StateForm form) {
        Invoice invoice = invoices.setState(Uuids.fromPath(uuid), form.state());
        return InvoiceView.of(invoices.get(invoice.uuid()));
    }

    record StateForm(String state) {}

    record InvoiceView(
            String url,
            String uuid,
            String customer,
            String customerUuid,
            String customerName,
            int year,
            int month,
            String state,
            String currency,
            BigDecimal total,
            List<InvoiceItemController.ItemView> items,
            Instant created) {

        static InvoiceView of(InvoiceWithItems withItems) {
            Invoice invoice = withItems.invoice();
            String url = ApiUrls.of("invoices", invoice.uuid());
            String uuid = Uuids.hex(invoice.uuid());
            List<InvoiceItemController.ItemView> items = withItems.items().stream()
                    .map(item -> InvoiceItemController.ItemView.of(item, url, uuid))
                    .toList();
            return new InvoiceView(
                    url,
                    uuid,
                    ApiUrls.of("customers", invoice.customer().uuid()),
                    Uuids.hex(invoice.customer().uuid()),
                    invoice.customer().name(),
                    invoice.year(),
                    invoice.month(),
                    invoice.state().value(),
                    withItems.currency(),
                    withItems.total(items.stream().map(InvoiceItemController.ItemView::price)),
                    items,
                    invoice.created());
        }
    }
}
