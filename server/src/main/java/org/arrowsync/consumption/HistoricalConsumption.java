package org.arrowsync.consumption;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.consumption.LicenseMonthBilling.Pricing;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.DatabaseConnectionLost;
import org.arrowsync.shared.FailureMessages;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Historical consumption of one resource (docs/reference-behaviour.md §4.6), with the reference's bugs fixed: the
 * settings' price source is honoured, a past month never takes the current month's prediction, the range is validated
 * and bounded, and {@code force} on a finalised month reopens it so finalisation corrects only what is still missing
 * (D4). {@code dry_run} writes nothing.
 */
@Service
public class HistoricalConsumption {

    private static final Logger log = LoggerFactory.getLogger(HistoricalConsumption.class);

    private final ResourceService resources;
    private final CustomerMappingService mappings;
    private final SettingsService settings;
    private final ConsumptionRecordRepository records;
    private final LicensedResources licensed;
    private final LicenseMonthBilling provisional;
    private final ArrowClients clients;
    private final ConsumptionProperties properties;
    private final Clock clock;

    HistoricalConsumption(
            ResourceService resources,
            CustomerMappingService mappings,
            SettingsService settings,
            ConsumptionRecordRepository records,
            LicensedResources licensed,
            LicenseMonthBilling provisional,
            ArrowClients clients,
            ConsumptionProperties properties,
            Clock clock) {
        this.resources = resources;
        this.mappings = mappings;
        this.settings = settings;
        this.records = records;
        this.licensed = licensed;
        this.provisional = provisional;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock;
    }

    public HistoricalConsumptionResponse sync(HistoricalConsumptionRequest request) {
        YearMonth current = YearMonth.now(clock);
        FieldErrors errors = new FieldErrors();
        errors.required("resource_uuid", request.resourceUuid());
        YearMonth to = Periods.optionalField(errors, "period_to", request.periodTo());
        YearMonth from = Periods.optionalField(errors, "period_from", request.periodFrom());
        errors.throwIfAny();
        UUID resourceUuid = Uuids.fromField("resource_uuid", request.resourceUuid());
        YearMonth end = to == null ? current : to;
        YearMonth start = from == null ? end.minusMonths(Math.min(11, properties.historyMonths() - 1L)) : from;
        if (end.isAfter(current)) {
            errors.add("period_to", "The period " + end + " has not started yet.");
        }
        Periods.requireRange(errors, start, end, properties.historyMonths());
        errors.throwIfAny();
        Resource resource = resources.licensed(resourceUuid);
        Settings owner = owner(resource);
        Optional<Resource> billing = licensed.billingInsteadOf(owner, resource);
        if (billing.isPresent()) {
            throw new LicenseLinkedTwice(new LicensedResources.LeftOut(resource, billing.get()));
        }
        ArrowClient client = clients.connect(owner.connection());
        Pricing pricing = provisional.pricing(owner);
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        boolean force = Boolean.TRUE.equals(request.force());
        Result result = new Result();
        for (YearMonth period = start; !period.isAfter(end); period = period.plusMonths(1)) {
            Optional<ConsumptionRecord> existing =
                    records.find(resource.id(), period.atDay(1), resource.licenseReference());
            if (existing.isPresent() && existing.get().isFinalized() && !force) {
                result.skipped++;
                continue;
            }
            try {
                if (dryRun) {
                    result.preview.add(preview(client, resource, period, existing.orElse(null)));
                } else {
                    Consumption consumption = Consumption.fetch(client, resource.licenseReference(), period, current);
                    switch (provisional.record(resource, period, consumption, pricing, force)) {
                        case SYNCED, BILLED_BY_BILLING_SYNC -> result.synced++;
                        case NO_DATA -> result.noData++;
                        case SKIPPED_FINALIZED -> result.skipped++;
                    }
                }
            } catch (RuntimeException e) {
                // D21: the one boundary per month. Whatever a month throws, its transaction rolled back; it is reported
                // and the other months go on. A lost database connection fails the request instead: no month is to
                // blame, and the months after it would only fail the same way (D62).
                DatabaseConnectionLost.rethrowIfCauses(e);
                result.errors.add(new PeriodError(
                        period.toString(),
                        FailureMessages.ofOne(
                                e, log, "Historical consumption of " + resource.name() + " in " + period)));
            }
        }
        return new HistoricalConsumptionResponse(
                Uuids.hex(resource.uuid()),
                resource.name(),
                result.synced,
                result.skipped,
                result.noData,
                result.errors,
                dryRun,
                result.preview);
    }

    /**
     * D18: the settings whose active mapping owns the resource's customer; the active settings only for an unmapped
     * customer.
     */
    private Settings owner(Resource resource) {
        return mappings.activeForCustomer(resource.customer().uuid())
                .map(mapping -> settings.named(mapping.settingsUuid()))
                .orElseGet(() -> settings.resolve(null));
    }

    private static PeriodPreview preview(
            ArrowClient client, Resource resource, YearMonth period, ConsumptionRecord existing) {
        Consumption consumption = Consumption.of(
                resource.licenseReference(), client.billableConsumption(resource.licenseReference(), period));
        return new PeriodPreview(
                period.toString(),
                consumption.sell(),
                consumption.buy(),
                existing != null,
                existing == null ? null : existing.consumedSell(),
                existing != null && existing.isFinalized(),
                existing != null && existing.isReconciled());
    }

    private static final class Result {
        private int synced;
        private int skipped;
        private int noData;
        private final List<PeriodError> errors = new ArrayList<>();
        private final List<PeriodPreview> preview = new ArrayList<>();
    }

    @Schema(name = "SyncResourceHistoricalConsumptionRequestRequest")
    public record HistoricalConsumptionRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED) String resourceUuid,
            @Schema(minLength = 1) String periodFrom,
            @Schema(minLength = 1) String periodTo,
            Boolean force,
            Boolean dryRun) {}

    @Schema(name = "SyncResourceHistoricalConsumptionResponse")
    public record HistoricalConsumptionResponse(
            String resourceUuid,
            String resourceName,
            int periodsSynced,
            int periodsSkipped,
            int periodsNoData,
            List<PeriodError> errors,
            boolean dryRun,
            List<PeriodPreview> previewPeriods) {}

    public record PeriodError(String period, String error) {}

    /** What a dry run would write for one month, beside what the record holds now. */
    public record PeriodPreview(
            String period,
            BigDecimal consumedSell,
            BigDecimal consumedBuy,
            boolean hasExisting,
            @Schema(nullable = true) BigDecimal existingConsumedSell,
            boolean isFinalized,
            boolean isReconciled) {}
}
