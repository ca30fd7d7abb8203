package org.arrowsync.margins;

import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * Checks what a report or a re-pricing asks for before any work: a month, settings and a customer that exist when named
 * (D34: 404 for one that does not).
 */
@Component
class LineScopes {

    private final SettingsService settings;
    private final CustomerService customers;
    private final Clock clock;

    LineScopes(SettingsService settings, CustomerService customers, Clock clock) {
        this.settings = settings;
        this.customers = customers;
        this.clock = clock;
    }

    /** A report's scope: every settings record's lines unless one is named. */
    LineScope report(YearMonth period, UUID settingsUuid, UUID customerUuid) {
        requirePeriod(period, false);
        return scope(period, settingsUuid == null ? null : settings.named(settingsUuid), customerUuid);
    }

    /**
     * A re-pricing's scope: a month that has begun, and the named settings (whose rules apply), else the active ones.
     */
    LineScope repricing(YearMonth period, UUID settingsUuid, UUID customerUuid) {
        requirePeriod(period, true);
        return scope(period, settings.resolve(settingsUuid), customerUuid);
    }

    private void requirePeriod(YearMonth period, boolean begun) {
        FieldErrors errors = new FieldErrors();
        if (errors.requiredValue("period", period) && begun && period.isAfter(YearMonth.now(clock))) {
            errors.add("period", "The period " + period + " has not started yet.");
        }
        errors.throwIfAny();
    }

    private LineScope scope(YearMonth period, Settings chosen, UUID customerUuid) {
        if (customerUuid != null) {
            customers.named(customerUuid);
        }
        return new LineScope(period, chosen, customerUuid);
    }
}
