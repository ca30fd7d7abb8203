package org.arrowsync.consumption;

import java.time.Clock;
import java.util.List;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Progress;
import org.springframework.stereotype.Component;

/**
 * D123: a consumption record keeps the settings that recorded it (D114), so the records of a settings record the
 * operator moved away from (another of the same Arrow account now in use) would be finalised by nobody. A consumption
 * run or finalisation takes over, as it starts, the records of such records whose resources belong to the customers its
 * settings map.
 */
@Component
class RetiredRecords {

    private final SettingsService settings;
    private final CustomerMappingService mappings;
    private final ConsumptionRecordRepository records;
    private final Clock clock;

    RetiredRecords(
            SettingsService settings,
            CustomerMappingService mappings,
            ConsumptionRecordRepository records,
            Clock clock) {
        this.settings = settings;
        this.mappings = mappings;
        this.records = records;
        this.clock = clock;
    }

    void adopt(Settings chosen, Progress progress) {
        List<Long> retired = settings.retiredOfTheSameAccount(chosen).stream()
                .map(Settings::id)
                .toList();
        if (retired.isEmpty()) {
            return;
        }
        List<Long> customers = mappings.active(chosen).stream()
                .map(CustomerMapping::customerId)
                .distinct()
                .toList();
        int adopted = records.adopt(chosen.id(), retired, customers, clock.instant());
        if (adopted > 0) {
            progress.add("records_adopted", adopted);
        }
    }
}
