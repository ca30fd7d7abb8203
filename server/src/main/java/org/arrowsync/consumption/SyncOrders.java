package org.arrowsync.consumption;

import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;

/**
 * Validates the trigger requests synchronously, before a job is queued: year 2000–2100, month 1–12, no month after the current
 * one, settings that exist, and a resource (when named) that exists and carries a license reference.
 */
@Service
public class SyncOrders {

    private final SettingsService settings;
    private final ResourceService resources;
    private final Clock clock;

    SyncOrders(SettingsService settings, ResourceService resources, Clock clock) {
        this.settings = settings;
        this.resources = resources;
        this.clock = clock;
    }

    public SyncOrder consumptionSync(Integer year, Integer month, String settingsUuid, String resourceUuid) {
        FieldErrors errors = new FieldErrors();
        YearMonth period = period(errors, year, month);
        UUID settingsId = uuid(errors, "settings_uuid", settingsUuid);
        UUID resourceId = uuid(errors, "resource_uuid", resourceUuid);
        errors.throwIfAny();
        if (resourceId != null) {
            licensed(resourceId);
        }
        return new SyncOrder(settings.resolve(settingsId), period, resourceId, false);
    }

    public SyncOrder finalisation(Integer year, Integer month, String settingsUuid, boolean force) {
        FieldErrors errors = new FieldErrors();
        YearMonth period = period(errors, year, month);
        UUID settingsId = uuid(errors, "settings_uuid", settingsUuid);
        errors.throwIfAny();
        return new SyncOrder(settings.resolve(settingsId), period, null, force);
    }

    /** The scheduled run of a settings record for a month (already known to be valid). */
    public SyncOrder scheduled(Settings of, YearMonth period) {
        return new SyncOrder(of, period, null, false);
    }

    /** The order a queued job carries: its settings by uuid, its period, its optional resource and force flag. */
    public SyncOrder ofJob(UUID settingsUuid, String period, UUID resourceUuid, boolean force) {
        return new SyncOrder(settings.get(settingsUuid), YearMonth.parse(period), resourceUuid, force);
    }

    Resource licensed(UUID resourceUuid) {
        Resource resource;
        try {
            resource = resources.get(resourceUuid);
        } catch (NotFound e) {
            throw InvalidInput.of("resource_uuid", "Resource " + Uuids.hex(resourceUuid) + " not found.");
        }
        if (resource.licenseReference().isBlank()) {
            throw InvalidInput.of("resource_uuid", "Resource has no Arrow license reference (attributes.arrow_license_reference).");
        }
        return resource;
    }

    private YearMonth period(FieldErrors errors, Integer year, Integer month) {
        errors.requiredValue("year", year);
        errors.requiredValue("month", month);
        errors.range("year", year, 2000, 2100);
        errors.range("month", month, 1, 12);
        if (errors.has("year") || errors.has("month")) {
            return null;
        }
        YearMonth period = YearMonth.of(year, month);
        if (period.isAfter(YearMonth.now(clock))) {
            errors.add("month", "The period " + period + " has not started yet.");
        }
        return period;
    }

    private static UUID uuid(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        UUID parsed = Uuids.parse(value).orElse(null);
        if (parsed == null) {
            errors.add(field, "Must be a valid UUID.");
        }
        return parsed;
    }
}
