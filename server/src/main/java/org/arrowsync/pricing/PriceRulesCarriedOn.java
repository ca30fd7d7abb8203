package org.arrowsync.pricing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsSuccession;
import org.springframework.stereotype.Component;

/**
 * A new settings record of an Arrow account prices its lines by the rules of the record it replaces (D163): it bills
 * and reconciles that record's months (D123), and a wizard saved again must not undo every margin of them.
 */
@Component
class PriceRulesCarriedOn implements SettingsSuccession {

    private final PriceRuleRepository rules;
    private final Clock clock;

    PriceRulesCarriedOn(PriceRuleRepository rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public List<String> carryOn(Settings replaced, Settings successor) {
        PriceRuleRepository.Copied copied = rules.copy(replaced.id(), successor.id(), clock.instant());
        List<String> carried =
                new ArrayList<>(SettingsSuccession.counted(copied.copied(), "price rule", "price rules"));
        if (copied.leftOut() > 0) {
            carried.add("not carried: " + copied.leftOut()
                    + (copied.leftOut() == 1 ? " price rule of a customer" : " price rules of customers")
                    + " these settings do not map");
        }
        return carried;
    }
}
