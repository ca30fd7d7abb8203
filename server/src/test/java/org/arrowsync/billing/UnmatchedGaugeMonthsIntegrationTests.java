package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D255: the unmatched amounts the metrics report are each record's in use, of the months the schedules still read,
 * whatever other records left unmatched.
 */
class UnmatchedGaugeMonthsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BilledAmounts billed;

    @Test
    void aRecordsUnmatchedMonthIsReportedWhateverOtherRecordsLeftUnmatchedLater() {
        YearMonth current = TestClock.currentMonth();
        UUID b = settings(true);
        UUID c = settings(true);
        UUID retired = settings(false);
        try {
            // B: a month within the schedules' reach with 500 unmatched (its lines unbilled)
            unmatched(b, current.minusMonths(2), "500");
            // C (in use) and a retired record: small amounts in later months
            unmatched(c, current, "5");
            unmatched(c, current.minusMonths(1), "5");
            unmatched(retired, current.plusMonths(1), "5"); // e.g. a record's leftover rows of a month ahead
            unmatched(b, current.minusMonths(5), "900"); // read by no schedule any more

            List<String> reported = billed.unmatchedMonths().stream()
                    .filter(u -> List.of(b, c, retired).contains(u.settingsUuid()))
                    .map(u -> (u.settingsUuid().equals(b)
                                    ? "b "
                                    : u.settingsUuid().equals(c) ? "c " : "retired ") + u.period() + " "
                            + u.amount().stripTrailingZeros().toPlainString())
                    .toList();

            assertThat(reported)
                    .containsExactlyInAnyOrder(
                            "b " + current.minusMonths(2) + " 500",
                            "c " + current.minusMonths(1) + " 5",
                            "c " + current + " 5");
        } finally {
            jdbc.sql("delete from arrow_settings where uuid = any(?)")
                    .param(new UUID[] {b, c, retired})
                    .update();
        }
    }

    private UUID settings(boolean inUse) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, export_type_reference, is_active, sync_enabled, created, modified)
                        values (?, 'http://127.0.0.1:9/', 'k', 'T', false, ?, now(), now())""").params(uuid, inUse).update();
        return uuid;
    }

    private void unmatched(UUID settings, YearMonth month, String amount) {
        jdbc.sql("""
                        insert into billing_unmatched_lines (settings_id, report_period, customer_reference, company_name, currency, lines, amount)
                        select id, ?, 'XSP1', 'Someone', 'EUR', 1, ?::numeric from arrow_settings where uuid = ?""").params(month.toString(), amount, settings).update();
    }
}
