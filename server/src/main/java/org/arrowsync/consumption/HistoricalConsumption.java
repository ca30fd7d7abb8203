package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.consumption.LicenseMonthBilling.Outcome;
import org.arrowsync.consumption.LicenseMonthBilling.Pricing;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.Rejected;
import org.arrowsync.shared.Uuids;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Historical consumption of one resource (behaviour §4.6), with the reference's bugs fixed: the settings' price source is honoured,
 * a past month never takes the current month's prediction, the range is validated and bounded, and {@code force} on a finalised
 * month reopens it so finalisation corrects only what is still missing (D4). {@code dry_run} writes nothing.
 */
@Service
class HistoricalConsumption {

    private final ResourceService resources;
    private final SettingsService settings;
    private final ConsumptionRecordRepository records;
    private final LicenseMonthBilling provisional;
    private final ArrowClients clients;
    private final ConsumptionProperties properties;
    private final Clock clock;

    HistoricalConsumption(ResourceService resources, SettingsService settings, ConsumptionRecordRepository records,
            LicenseMonthBilling provisional, ArrowClients clients, ConsumptionProperties properties, Clock clock) {
        this.resources = resources;
        this.settings = settings;
        this.records = records;
        this.provisional = provisional;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock;
    }

    HistoricalConsumptionResponse sync(HistoricalConsumptionRequest request) {
        YearMonth current = YearMonth.now(clock);
        FieldErrors errors = new FieldErrors();
        UUID resourceUuid = null;
        if (errors.required("resource_uuid", request.resourceUuid())) {
            resourceUuid = Uuids.parse(request.resourceUuid()).orElse(null);
            if (resourceUuid == null) {
                errors.add("resource_uuid", "Must be a valid UUID.");
            }
        }
        YearMonth to = Periods.parse(errors, "period_to", request.periodTo());
        YearMonth from = Periods.parse(errors, "period_from", request.periodFrom());
        errors.throwIfAny();
        YearMonth end = to == null ? current : to;
        YearMonth start = from == null ? end.minusMonths(11) : from;
        validateRange(start, end, current);
        Resource resource = resource(resourceUuid);
        Settings active = settings.resolve(null);
        List<YearMonth> periods = new ArrayList<>();
        for (YearMonth period = start; !period.isAfter(end); period = period.plusMonths(1)) {
            periods.add(period);
        }
        ArrowClient client = clients.connect(active.connection());
        Pricing pricing = new Pricing(active.itemPrefixOrDefault(), active.priceSource());
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        boolean force = Boolean.TRUE.equals(request.force());
        Result result = new Result();
        for (YearMonth period : periods) {
            Optional<ConsumptionRecord> existing = records.find(resource.id(), period.atDay(1), resource.licenseReference());
            if (existing.isPresent() && existing.get().isFinalized() && !force) {
                result.skipped++;
                continue;
            }
            try {
                if (dryRun) {
                    result.preview.add(preview(client, resource, period, existing.orElse(null)));
                } else {
                    Consumption consumption = Consumption.fetch(client, resource.licenseReference(), period, current);
                    Outcome outcome = provisional.record(resource, period, consumption, pricing, force);
                    switch (outcome) {
                        case SYNCED, BILLED_BY_BILLING_SYNC -> result.synced++;
                        case NO_DATA -> result.noData++;
                        case SKIPPED_FINALIZED -> result.skipped++;
                    }
                }
            } catch (ArrowException | Rejected | InvalidInput | NotFound | DataAccessException | TransactionException e) {
                result.errors.add(new PeriodError(period.toString(), e.getMessage()));
            }
        }
        return new HistoricalConsumptionResponse(Uuids.hex(resource.uuid()), resource.name(), result.synced, result.skipped, result.noData,
                result.errors, dryRun, result.preview);
    }

    private void validateRange(YearMonth start, YearMonth end, YearMonth current) {
        FieldErrors errors = new FieldErrors();
        if (end.isAfter(current)) {
            errors.add("period_to", "The period " + end + " has not started yet.");
        } else if (start.isAfter(end)) {
            errors.add("period_from", "period_from must not be after period_to.");
        } else if (start.plusMonths(properties.historyMonths()).isBefore(end.plusMonths(1))) {
            errors.add("period_from", "At most " + properties.historyMonths() + " months can be synced at once.");
        }
        errors.throwIfAny();
    }

    private Resource resource(UUID uuid) {
        Resource resource;
        try {
            resource = resources.get(uuid);
        } catch (NotFound e) {
            throw new Rejected(404, "Resource " + Uuids.hex(uuid) + " not found");
        }
        if (resource.licenseReference().isBlank()) {
            throw new Rejected("Resource does not have an Arrow license reference (attributes.arrow_license_reference)");
        }
        return resource;
    }

    private static PeriodPreview preview(ArrowClient client, Resource resource, YearMonth period, ConsumptionRecord existing) {
        Consumption consumption = Consumption.of(client.monthlyConsumption(resource.licenseReference(), period, period));
        return new PeriodPreview(period.toString(), consumption.sell(), consumption.buy(), existing != null,
                existing == null ? null : existing.consumedSell(), existing != null && existing.isFinalized(),
                existing != null && existing.isReconciled());
    }

    private static final class Result {
        private int synced;
        private int skipped;
        private int noData;
        private final List<PeriodError> errors = new ArrayList<>();
        private final List<PeriodPreview> preview = new ArrayList<>();
    }

    /** The contract's {@code SyncResourceHistoricalConsumptionRequestRequest}. */
    record HistoricalConsumptionRequest(String resourceUuid, String periodFrom, String periodTo, Boolean force, Boolean dryRun) {
    }

    /** The contract's {@code SyncResourceHistoricalConsumptionResponse}. */
    record HistoricalConsumptionResponse(String resourceUuid, String resourceName, int periodsSynced, int periodsSkipped, int periodsNoData,
            List<PeriodError> errors, boolean dryRun, List<PeriodPreview> previewPeriods) {
    }

    record PeriodError(String period, String error) {
    }

    /** What a dry run would write for one month, beside what the record holds now. */
    record PeriodPreview(String period, BigDecimal consumedSell, BigDecimal consumedBuy, boolean hasExisting, BigDecimal existingConsumedSell,
            boolean isFinalized, boolean isReconciled) {
    }
}
