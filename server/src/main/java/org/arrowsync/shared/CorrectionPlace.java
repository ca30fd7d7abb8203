package org.arrowsync.shared;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Where a customer's corrections of a month would go as the invoices are now (D7, D9, D94, D163), read without opening
 * an invoice: the invoice of the month {@code invoice} (opened pending where it is not yet), which takes corrections in
 * {@code currency} only, or in any while it has no items, the first booked there setting it; or why none would.
 *
 * @param invoice the month of the invoice corrections go on; null where none would take them
 * @param currency the currency of that invoice's items, empty while it has none
 * @param refusal why no invoice would take them (a canceled month, both invoices closed)
 */
public record CorrectionPlace(YearMonth invoice, Optional<String> currency, Optional<String> refusal) {

    public static CorrectionPlace refused(String why) {
        return new CorrectionPlace(null, Optional.empty(), Optional.of(why));
    }

    /** Why a correction in {@code wanted} would not be placed here, empty where it would. */
    public Optional<String> refusalIn(String wanted) {
        return refusal.or(() -> currency.filter(held -> !held.equals(wanted))
                .map(held -> "it is in " + wanted + " but the invoice of " + invoice + " is in " + held + " (D9)"));
    }
}
