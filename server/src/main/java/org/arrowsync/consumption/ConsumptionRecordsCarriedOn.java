package org.arrowsync.consumption;

import java.time.Clock;
import java.util.List;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsSuccession;
import org.springframework.stereotype.Component;

/**
 * A new settings record of an Arrow account takes over the consumption records of the record it replaces for the
 * customers it maps, as it is saved (D123), rather than at its first consumption run: until then its months read as
 * billed nothing by consumption tracking.
 */
@Component
class ConsumptionRecordsCarriedOn implements SettingsSuccession {

    private final ConsumptionRecordRepository records;
    private final Clock clock;

    ConsumptionRecordsCarriedOn(ConsumptionRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public List<String> carryOn(Settings replaced, Settings successor) {
        return SettingsSuccession.counted(
                records.adoptForMapped(successor.id(), replaced.id(), clock.instant()),
                "consumption record",
                "consumption records");
    }
}
