package org.arrowsync.consumption;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.arrowsync.consumption.ConsumptionRecordService.RecordFilter;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Consumption records are read-only: the sync and finalisation write them. */
@Tag(name = "Consumption")
@RestController
@RequestMapping("/api/admin/arrow/consumption-records/")
class ConsumptionRecordController {

    static final String COLLECTION = "admin/arrow/consumption-records";

    private final ConsumptionRecordService records;

    ConsumptionRecordController(ConsumptionRecordService records) {
        this.records = records;
    }

    @GetMapping
    @Operation(summary = "List consumption records", operationId = "admin_arrow_consumption_records_list")
    Listing<ConsumptionRecordView> list(
            @RequestParam(required = false) String resource,
            @RequestParam(name = "resource_uuid", required = false) String resourceUuid,
            @RequestParam(name = "project_uuid", required = false) String projectUuid,
            @RequestParam(name = "customer_uuid", required = false) String customerUuid,
            @RequestParam(name = "license_reference", required = false) String licenseReference,
            @RequestParam(name = "billing_period", required = false) String billingPeriod,
            @RequestParam(name = "billing_period_from", required = false) String billingPeriodFrom,
            @RequestParam(name = "billing_period_to", required = false) String billingPeriodTo,
            @RequestParam(name = "is_finalized", required = false) String isFinalized,
            @RequestParam(name = "is_reconciled", required = false) String isReconciled,
            PageRequest page) {
        RecordFilter filter = new RecordFilter(
                Filters.uuidAndLink("resource_uuid", resourceUuid, "resource", resource),
                Filters.uuid("project_uuid", projectUuid),
                Filters.uuid("customer_uuid", customerUuid),
                licenseReference,
                Filters.date("billing_period", billingPeriod),
                Filters.date("billing_period_from", billingPeriodFrom),
                Filters.date("billing_period_to", billingPeriodTo),
                Filters.bool("is_finalized", isFinalized),
                Filters.bool("is_reconciled", isReconciled));
        return records.list(filter, page).map(ConsumptionRecordView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a consumption record", operationId = "admin_arrow_consumption_records_retrieve")
    ConsumptionRecordView get(@PathVariable String uuid) {
        return ConsumptionRecordView.of(records.get(Uuids.fromPath(uuid)));
    }

    @Schema(name = "ArrowConsumptionRecord")
    record ConsumptionRecordView(
            String uuid,
            String url,
            @Schema(format = "uri") String resource,
            String resourceUuid,
            String resourceName,
            String projectUuid,
            String projectName,
            String customerUuid,
            String customerName,
            String licenseReference,
            LocalDate billingPeriod,
            BigDecimal consumedSell,
            BigDecimal consumedBuy,
            @Schema(nullable = true) BigDecimal finalSell,
            @Schema(nullable = true) BigDecimal finalBuy,
            @Schema(nullable = true) String invoiceItemUuid,
            @Schema(nullable = true) String compensationItemUuid,
            @Schema(nullable = true) Instant lastSyncAt,
            @Schema(nullable = true) Instant finalizedAt,
            @Schema(nullable = true) Instant reconciledAt,
            boolean isFinalized,
            boolean isReconciled,
            @Schema(nullable = true) BigDecimal adjustmentAmount,
            @Schema(type = "object") JsonNode rawData,
            Instant created,
            Instant modified) {

        static ConsumptionRecordView of(ConsumptionRecord record) {
            BigDecimal adjustment = record.adjustment();
            return new ConsumptionRecordView(
                    Uuids.hex(record.uuid()),
                    ApiUrls.of(COLLECTION, record.uuid()),
                    ApiUrls.of("marketplace-resources", record.resourceUuid()),
                    Uuids.hex(record.resourceUuid()),
                    record.resourceName(),
                    Uuids.hex(record.projectUuid()),
                    record.projectName(),
                    Uuids.hex(record.customerUuid()),
                    record.customerName(),
                    record.licenseReference(),
                    record.billingPeriod(),
                    record.consumedSell(),
                    record.consumedBuy(),
                    record.finalSell(),
                    record.finalBuy(),
                    Uuids.hex(record.invoiceItemUuid()),
                    Uuids.hex(record.compensationItemUuid()),
                    record.lastSyncAt(),
                    record.finalizedAt(),
                    record.reconciledAt(),
                    record.isFinalized(),
                    record.isReconciled(),
                    Money.summary(adjustment),
                    record.rawData(),
                    record.created(),
                    record.modified());
        }
    }
}
