package org.arrowsync.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.arrowsync.ledger.InvoiceService.ItemFilter;
import org.arrowsync.ledger.Resource.Ref;
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
    Listing<ItemDetailView> list(
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
        return invoices.items(filter, page).map(ItemDetailView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve an invoice item")
    ItemDetailView get(@PathVariable String uuid) {
        return ItemDetailView.of(invoices.itemDetail(Uuids.fromPath(uuid)));
    }

    /**
     * An item as this endpoint shows it: Waldur's {@code InvoiceItemDetail}, the embedded item's fields with its
     * customer and offering, which Waldur's clients require (null where the item bills no resource, as in Waldur; no
     * item here has an offering component).
     */
    @Schema(name = "InvoiceItemDetail")
    record ItemDetailView(
            @JsonUnwrapped ItemView item,
            String customerUuid,
            String customerName,
            @Schema(nullable = true) String offeringUuid,
            @Schema(nullable = true) String offeringName,
            @Schema(nullable = true) String offeringComponentType) {

        static ItemDetailView of(InvoiceItemDetail detail) {
            Ref offering = detail.offering();
            return new ItemDetailView(
                    ItemView.of(detail.item()),
                    Uuids.hex(detail.customer().uuid()),
                    detail.customer().name(),
                    offering == null ? null : Uuids.hex(offering.uuid()),
                    offering == null ? null : offering.name(),
                    null);
        }
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
            // a number, as Waldur's item price (a model property DRF writes as a float), unlike its decimal fields
            @JsonFormat(shape = JsonFormat.Shape.NUMBER) @Schema(type = "number", format = "double")
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
            return of(item, ApiUrls.of("invoices", item.invoiceUuid()), Uuids.hex(item.invoiceUuid()));
        }

        /** An item of an invoice whose link and uuid the caller made once for all its items. */
        static ItemView of(InvoiceItem item, String invoiceUrl, String invoiceUuid) {
            return new ItemView(
                    ApiUrls.of("invoice-items", item.uuid()),
                    Uuids.hex(item.uuid()),
                    invoiceUrl,
                    invoiceUuid,
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
