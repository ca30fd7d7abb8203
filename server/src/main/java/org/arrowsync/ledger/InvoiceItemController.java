package org.arrowsync.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.arrowsync.ledger.InvoiceService.ItemFilter;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.RawJson;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoice items are read-only here: they are written by the billing features, through the ledger's rules. */
@Tag(name = "Ledger")
@RestController
@RequestMapping("/api/invoice-items/")
class InvoiceItemController {

    private final InvoiceService invoices;

    InvoiceItemController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @GetMapping
    @Operation(summary = "List invoice items")
    Listing<ItemView> list(
            @RequestParam(name = "invoice_uuid", required = false) String invoiceUuid,
            @RequestParam(name = "customer_uuid", required = false) String customerUuid,
            @RequestParam(name = "project_uuid", required = false) String projectUuid,
            @RequestParam(name = "resource_uuid", required = false) String resourceUuid,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String name,
            PageRequest page) {
        ItemFilter filter = new ItemFilter(
                Filters.uuid("invoice_uuid", invoiceUuid),
                Filters.uuid("customer_uuid", customerUuid),
                Filters.uuid("project_uuid", projectUuid),
                Filters.uuid("resource_uuid", resourceUuid),
                Filters.integer("year", year),
                Filters.integer("month", month),
                name);
        return invoices.items(filter, page).map(ItemView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve an invoice item")
    ItemView get(@PathVariable String uuid) {
        return ItemView.of(invoices.item(Uuids.fromPath(uuid)));
    }

    @Schema(name = "InvoiceItem")
    record ItemView(
            String url,
            String uuid,
            @Schema(format = "uri") String invoice,
            String invoiceUuid,
            String name,
            BigDecimal unitPrice,
            BigDecimal quantity,
            String unit,
            BigDecimal price,
            String currency,
            LocalDate start,
            LocalDate end,
            @Schema(nullable = true, format = "uri") String resource,
            @Schema(nullable = true) String resourceUuid,
            @Schema(nullable = true) String resourceName,
            @Schema(nullable = true, format = "uri") String project,
            @Schema(nullable = true) String projectUuid,
            @Schema(nullable = true) String projectName,
            RawJson details,
            Instant created) {

        static ItemView of(InvoiceItem item) {
            return new ItemView(
                    ApiUrls.of("invoice-items", item.uuid()),
                    Uuids.hex(item.uuid()),
                    ApiUrls.of("invoices", item.invoiceUuid()),
                    Uuids.hex(item.invoiceUuid()),
                    item.name(),
                    item.unitPrice(),
                    item.quantity(),
                    item.unit(),
                    item.price(),
                    item.currency(),
                    item.start(),
                    item.end(),
                    item.resource() == null
                            ? null
                            : ApiUrls.of(
                                    "marketplace-resources", item.resource().uuid()),
                    item.resource() == null ? null : Uuids.hex(item.resource().uuid()),
                    item.resource() == null ? null : item.resource().name(),
                    item.project() == null
                            ? null
                            : ApiUrls.of("projects", item.project().uuid()),
                    item.project() == null ? null : Uuids.hex(item.project().uuid()),
                    item.project() == null ? null : item.project().name(),
                    item.details(),
                    item.created());
        }
    }
}
