package org.arrowsync.consumption;

import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;

/**
 * Validates the trigger requests synchronously, before a job is queued: the shared period rules, settings that exist,
 * and a resource (when named) that exists and carries a license reference.
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
        YearMonth period = Periods.requireMonth(year, month, clock);
        UUID settingsId = Uuids.optionalField("settings_uuid", settingsUuid);
        UUID resourceId = Uuids.optionalField("resource_uuid", resourceUuid);
        if (resourceId != null) {
            resources.licensed(resourceId);
        }
        return new SyncOrder(settings.resolve(settingsId), period, resourceId, false);
    }

    /**
     * A finalisation of a month; forced, not of the month under way (D178): its license-months would be finalised at
     * amounts that still grow, and later runs skip a finalised one. Not forced, a run answers {@code month_open}.
     */
    public SyncOrder finalisation(Integer year, Integer month, String settingsUuid, boolean force) {
        YearMonth period = Periods.requireMonth(year, month, clock);
        if (force) {
            Periods.requireEnded(period, clock);
        }
        return new SyncOrder(settings.resolve(Uuids.optionalField("settings_uuid", settingsUuid)), period, null, force);
    }

    /** The scheduled run of a settings record for a month (already known to be valid). */
    public SyncOrder scheduled(Settings of, YearMonth period) {
        return new SyncOrder(of, period, null, false);
    }

    /** The order a queued job carries: its settings by uuid, its period, its optional resource and force flag. */
    public SyncOrder ofJob(UUID settingsUuid, YearMonth period, UUID resourceUuid, boolean force) {
        return new SyncOrder(settings.named(settingsUuid), period, resourceUuid, force);
    }
}
