package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrowsync.billing.BillingSyncQueries.SyncFilter;
import org.arrowsync.billing.BillingSyncQueries.SyncWithItems;
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

/** Billing syncs are read-only: they change only through sync, validation and reconciliation runs. */
@Tag(name = "Billing")
@RestController
@RequestMapping("/api/admin/arrow/billing-syncs/")
class BillingSyncController {

    static final String COLLECTION = "admin/arrow/billing-syncs";

    private final BillingSyncQueries queries;

    BillingSyncController(BillingSyncQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List billing syncs with their items", operationId = "admin_arrow_billing_syncs_list")
    Listing<BillingSyncView> list(
            @RequestParam(name = "customer_mapping", required = false) String mapping,
            @RequestParam(name = "customer_mapping_uuid", required = false) String mappingUuid,
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid,
            @RequestParam(name = "statement_reference", required = false) String statementReference,
            @RequestParam(name = "report_period", required = false) String reportPeriod,
            @RequestParam(name = "report_period_from", required = false) String from,
            @RequestParam(name = "report_period_to", required = false) String to,
            @Parameter(schema = @Schema(type = "integer")) @RequestParam(required = false) String state,
            @RequestParam(name = "arrow_state", required = false) String arrowState,
            PageRequest page) {
        UUID mappingFilter = Filters.uuidAndLink("customer_mapping_uuid", mappingUuid, "customer_mapping", mapping);
        SyncFilter filter = new SyncFilter(
                mappingFilter,
                Filters.uuid("settings_uuid", settingsUuid),
                statementReference,
                Filters.period("report_period", reportPeriod),
                Filters.period("report_period_from", from),
                Filters.period("report_period_to", to),
                Filters.integer("state", state),
                arrowState);
        return queries.list(filter, page).mapEach(BillingSyncView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a billing sync with its items", operationId = "admin_arrow_billing_syncs_retrieve")
    BillingSyncView get(@PathVariable String uuid) {
        return BillingSyncView.of(queries.get(Uuids.fromPath(uuid)));
    }

    @Schema(name = "ArrowBillingSync")
    record BillingSyncView(
            String uuid,
            String url,
            @Schema(format = "uri") String customerMapping,
            String customerMappingUuid,
            String arrowReference,
            String waldurCustomerName,
            String statementReference,
            String reportPeriod,
            String arrowState,
            @Schema(allowableValues = {"1", "2", "3", "4"}) int state,
            String stateDisplay,
            BigDecimal buyTotal,
            BigDecimal sellTotal,
            String currency,
            String invoiceUuid,
            String errorMessage,
            int lineErrors,
            @Schema(nullable = true) Instant syncedAt,
            @Schema(nullable = true) Instant validatedAt,
            @Schema(nullable = true) Instant reconciledAt,
            List<ItemView> items,
            Instant created,
            Instant modified) {

        static BillingSyncView of(SyncWithItems found) {
            BillingSync s = found.sync();
            return new BillingSyncView(
                    Uuids.hex(s.uuid()),
                    ApiUrls.of(COLLECTION, s.uuid()),
                    ApiUrls.of("admin/arrow/customer-mappings", s.mappingUuid()),
                    Uuids.hex(s.mappingUuid()),
                    s.arrowReference(),
                    s.customerName(),
                    s.statementReference(),
                    s.reportPeriod().toString(),
                    s.arrowState(),
                    s.state().code(),
                    s.state().display(),
                    s.buyTotal(),
                    s.sellTotal(),
                    s.currency(),
                    Uuids.hex(s.invoiceUuid()),
                    s.errorMessage(),
                    s.lineErrors(),
                    s.syncedAt(),
                    s.validatedAt(),
                    s.reconciledAt(),
                    found.items().stream().map(ItemView::of).toList(),
                    s.created(),
                    s.modified());
        }
    }

    @Schema(name = "ArrowBillingSyncItem")
    record ItemView(
            String uuid,
            String arrowLineReference,
            @Schema(nullable = true) String invoiceItemUuid,
            BigDecimal originalPrice,
            @Schema(nullable = true) String compensationItemUuid,
            String vendorName,
            String subscriptionReference,
            String classification,
            String description,
            BigDecimal quantity,
            Instant created) {

        static ItemView of(EmbeddedItem item) {
            return new ItemView(
                    Uuids.hex(item.uuid()),
                    item.lineReference(),
                    Uuids.hex(item.invoiceItemUuid()),
                    item.originalPrice(),
                    Uuids.hex(item.compensationItemUuid()),
                    item.vendorName(),
                    item.subscriptionReference(),
                    item.classification(),
                    item.description(),
                    item.quantity(),
                    item.created());
        }
    }
}
