package org.arrowsync.consumption;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.arrowsync.consumption.ConsumptionCleanup.CleanupConsumptionRequest;
import org.arrowsync.consumption.ConsumptionCleanup.CleanupConsumptionResponse;
import org.arrowsync.consumption.ConsumptionStatistics.PendingFilter;
import org.arrowsync.consumption.ConsumptionStatistics.PendingRecord;
import org.arrowsync.consumption.ConsumptionStatistics.Statistics;
import org.arrowsync.consumption.FetchConsumption.FetchConsumptionResponse;
import org.arrowsync.consumption.HistoricalConsumption.HistoricalConsumptionRequest;
import org.arrowsync.consumption.HistoricalConsumption.HistoricalConsumptionResponse;
import org.arrowsync.consumption.SyncPause.ConsumptionStatus;
import org.arrowsync.shared.DefaultPageSize;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consumption actions the contract hangs under billing syncs; each parses, calls one service and returns its
 * record.
 */
@Tag(name = "Consumption")
@RestController
@RequestMapping("/api/admin/arrow/billing-syncs/")
class ConsumptionAdminController {

    private final SyncPause pause;
    private final ConsumptionStatistics statistics;
    private final FetchConsumption fetch;
    private final HistoricalConsumption historical;
    private final ConsumptionCleanup cleanup;

    ConsumptionAdminController(
            SyncPause pause,
            ConsumptionStatistics statistics,
            FetchConsumption fetch,
            HistoricalConsumption historical,
            ConsumptionCleanup cleanup) {
        this.pause = pause;
        this.statistics = statistics;
        this.fetch = fetch;
        this.historical = historical;
        this.cleanup = cleanup;
    }

    @PostMapping("pause_sync/")
    @Operation(
            summary = "Pause consumption sync, globally or for one settings record",
            operationId = "admin_arrow_billing_syncs_pause_sync")
    SyncPauseResponse pauseSync(@RequestBody(required = false) SyncPauseRequest request) {
        SyncPauseRequest body = request == null ? SyncPauseRequest.EMPTY : request;
        return new SyncPauseResponse(
                pause.set(Uuids.optionalField("settings_uuid", body.settingsUuid()), body.global(), false), null);
    }

    @PostMapping("resume_sync/")
    @Operation(
            summary = "Resume consumption sync, globally or for one settings record",
            operationId = "admin_arrow_billing_syncs_resume_sync")
    SyncPauseResponse resumeSync(@RequestBody(required = false) SyncPauseRequest request) {
        SyncPauseRequest body = request == null ? SyncPauseRequest.EMPTY : request;
        return new SyncPauseResponse(
                null, pause.set(Uuids.optionalField("settings_uuid", body.settingsUuid()), body.global(), true));
    }

    @GetMapping("consumption_status/")
    @Operation(
            summary = "Consumption sync status: paused or not, and the last run",
            operationId = "admin_arrow_billing_syncs_consumption_status_retrieve")
    ConsumptionStatus consumptionStatus() {
        return pause.status();
    }

    @GetMapping("consumption_statistics/")
    @Operation(
            summary = "Consumption statistics: totals and a breakdown by month",
            operationId = "admin_arrow_billing_syncs_consumption_statistics_retrieve")
    Statistics consumptionStatistics() {
        return statistics.statistics();
    }

    @GetMapping("pending_records/")
    @Operation(
            summary = "List consumption records not yet finalised",
            operationId = "admin_arrow_billing_syncs_pending_records_list")
    Listing<PendingRecord> pendingRecords(
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid,
            @RequestParam(name = "customer_mapping", required = false) String customerMapping,
            @RequestParam(name = "customer_mapping_uuid", required = false) String customerMappingUuid,
            @RequestParam(name = "report_period", required = false) String reportPeriod,
            @RequestParam(name = "report_period_from", required = false) String reportPeriodFrom,
            @RequestParam(name = "report_period_to", required = false) String reportPeriodTo,
            @Parameter(schema = @Schema(type = "integer")) @RequestParam(required = false) String state,
            @RequestParam(name = "arrow_state", required = false) String arrowState,
            @RequestParam(name = "statement_reference", required = false) String statementReference,
            @DefaultPageSize(100) PageRequest page) {
        // state, arrow_state and statement_reference describe billing syncs; they are validated but select every
        // pending record. The reference answers up to 100 records unpaged, which Waldur's clients read as one page
        // (D304).
        Filters.integer("state", state);
        PendingFilter filter = new PendingFilter(
                Filters.uuid("settings_uuid", settingsUuid),
                Filters.uuidAndLink("customer_mapping_uuid", customerMappingUuid, "customer_mapping", customerMapping),
                Filters.period("report_period", reportPeriod),
                Filters.period("report_period_from", reportPeriodFrom),
                Filters.period("report_period_to", reportPeriodTo));
        return statistics.pending(filter, page);
    }

    @PostMapping("fetch_consumption/")
    @Operation(
            summary = "Fetch a license's raw consumption of a month from Arrow",
            operationId = "admin_arrow_billing_syncs_fetch_consumption")
    FetchConsumptionResponse fetchConsumption(@RequestBody FetchConsumptionRequest request) {
        return fetch.fetch(request.licenseReference(), request.period());
    }

    @PostMapping("sync_resource_historical_consumption/")
    @Operation(
            summary = "Sync (or preview) past months of one resource's consumption",
            operationId = "admin_arrow_billing_syncs_sync_resource_historical_consumption")
    HistoricalConsumptionResponse syncResourceHistoricalConsumption(@RequestBody HistoricalConsumptionRequest request) {
        return historical.sync(request);
    }

    @PostMapping("cleanup_consumption/")
    @Operation(
            summary = "Delete consumption records (dry run by default)",
            operationId = "admin_arrow_billing_syncs_cleanup_consumption")
    CleanupConsumptionResponse cleanupConsumption(@RequestBody(required = false) CleanupConsumptionRequest request) {
        return cleanup.cleanup(
                request == null ? new CleanupConsumptionRequest(null, null, null, null, null, null) : request);
    }

    @Schema(name = "SyncPauseRequestRequest")
    record SyncPauseRequest(String settingsUuid, Boolean pauseGlobal) {

        static final SyncPauseRequest EMPTY = new SyncPauseRequest(null, null);

        boolean global() {
            return Boolean.TRUE.equals(pauseGlobal);
        }
    }

    /** The contract's {@code SyncPauseResponse}: {@code paused} or {@code resumed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SyncPauseResponse(List<String> paused, List<String> resumed) {}

    @Schema(name = "FetchConsumptionRequestRequest")
    record FetchConsumptionRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String licenseReference,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String period) {}
}
