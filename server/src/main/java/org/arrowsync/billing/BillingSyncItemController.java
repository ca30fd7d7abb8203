package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.billing.BillingSyncQueries.ItemFilter;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Billing")
@RestController
@RequestMapping("/api/admin/arrow/billing-sync-items/")
class BillingSyncItemController {

    private final BillingSyncQueries queries;

    BillingSyncItemController(BillingSyncQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List billing sync items", operationId = "admin_arrow_billing_sync_items_list")
    Listing<ItemDetailView> list(
            @RequestParam(name = "billing_sync", required = false) String sync,
            @RequestParam(name = "billing_sync_uuid", required = false) String syncUuid,
            @RequestParam(name = "report_period", required = false) String reportPeriod,
            @RequestParam(name = "vendor_name", required = false) String vendorName,
            @RequestParam(required = false) String classification,
            @RequestParam(name = "subscription_reference", required = false) String subscriptionReference,
            @RequestParam(name = "arrow_line_reference", required = false) String lineReference,
            @RequestParam(name = "has_compensation", required = false) String hasCompensation,
            PageRequest page) {
        UUID syncFilter = Filters.uuidAndLink("billing_sync_uuid", syncUuid, "billing_sync", sync);
        YearMonth period = Filters.period("report_period", reportPeriod);
        ItemFilter filter = new ItemFilter(
                syncFilter,
                period == null ? null : period.toString(),
                vendorName,
                classification,
                subscriptionReference,
                lineReference,
                Filters.bool("has_compensation", hasCompensation));
        return queries.items(filter, page).map(ItemDetailView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a billing sync item", operationId = "admin_arrow_billing_sync_items_retrieve")
    ItemDetailView get(@PathVariable String uuid) {
        return ItemDetailView.of(queries.item(Uuids.fromPath(uuid)));
    }

    @Schema(name = "ArrowBillingSyncItemDetail")
    record ItemDetailView(
            String uuid,
            String url,
            @Schema(format = "uri") String billingSync,
            String billingSyncUuid,
            String reportPeriod,
            String arrowLineReference,
            @Schema(nullable = true) String invoiceItemUuid,
            BigDecimal originalPrice,
            @Schema(nullable = true) String compensationItemUuid,
            boolean hasCompensation,
            String vendorName,
            String subscriptionReference,
            String classification,
            String description,
            BigDecimal quantity,
            Instant created) {

        static ItemDetailView of(BillingSyncItem item) {
            return new ItemDetailView(
                    Uuids.hex(item.uuid()),
                    ApiUrls.of("admin/arrow/billing-sync-items", item.uuid()),
                    ApiUrls.of(BillingSyncController.COLLECTION, item.syncUuid()),
                    Uuids.hex(item.syncUuid()),
                    item.reportPeriod().toString(),
                    item.lineReference(),
                    Uuids.hex(item.invoiceItemUuid()),
                    item.originalPrice(),
                    Uuids.hex(item.compensationItemUuid()),
                    item.compensationItemId() != null,
                    item.vendorName(),
                    item.subscriptionReference(),
                    item.classification(),
                    item.description(),
                    item.quantity(),
                    item.created());
        }
    }
}
