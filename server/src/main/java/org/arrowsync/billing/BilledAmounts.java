package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the billing syncs of each settings record bill now, per month and currency: the lines' own invoice items, and
 * the reconciliation adjustments booked on top of them (negative: credited); and what their lines no mapping claimed
 * leave unbilled. Only the latest months are read, so that asking often (every metrics scrape) stays cheap however long
 * the history.
 */
@Component
public class BilledAmounts {

    /** How many of the latest billed months are read. */
    static final int MONTHS = 3;

    private final JdbcClient jdbc;
    private final Clock clock;

    BilledAmounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Billed> latestMonths() {
        return jdbc.sql("""
                        select s.uuid as settings_uuid, b.report_period, i.currency,
                               sum(i.invoiced) as invoiced, sum(i.compensated) as compensated
                        from billing_syncs b
                        join billing_sync_items i on i.billing_sync_id = b.id
                        join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id
                        where b.report_period in (
                            select distinct report_period from billing_syncs order by report_period desc limit ?)
                        group by s.uuid, b.report_period, i.currency
                        order by s.uuid, b.report_period, i.currency""")
                .param(MONTHS)
                .query((rs, row) -> new Billed(
                        rs.getObject("settings_uuid", UUID.class),
                        YearMonth.parse(rs.getString("report_period")),
                        rs.getString("currency"),
                        rs.getBigDecimal("invoiced"),
                        rs.getBigDecimal("compensated")))
                .list();
    }

    /**
     * What the latest full run of each month the schedules still read (the current one and the three before it, D249)
     * left unbilled, per settings record in use, month and currency: the lines no customer mapping claimed, as the runs
     * stored them (D255). An older month is read by no schedule, and its lines are no news each scrape.
     */
    public List<Unmatched> unmatchedMonths() {
        YearMonth since = YearMonth.now(clock).minusMonths(ScheduledMonths.UNSYNCED_MONTHS_BACK);
        return jdbc.sql("""
                        select s.uuid as settings_uuid, u.report_period, u.currency, sum(u.amount) as amount
                        from billing_unmatched_lines u
                        join arrow_settings s on s.id = u.settings_id
                        where (s.is_active or s.sync_enabled) and u.report_period >= ?
                        group by s.uuid, u.report_period, u.currency
                        order by s.uuid, u.report_period, u.currency""")
                .param(since.toString())
                .query((rs, row) -> new Unmatched(
                        rs.getObject("settings_uuid", UUID.class),
                        YearMonth.parse(rs.getString("report_period")),
                        rs.getString("currency"),
                        rs.getBigDecimal("amount")))
                .list();
    }

    /** A settings record's month in one currency: what its lines no mapping claimed amount to. */
    public record Unmatched(UUID settingsUuid, YearMonth period, String currency, BigDecimal amount) {}

    /** A settings record's month in one currency: billed by the lines' items, and adjusted by reconciliation. */
    public record Billed(
            UUID settingsUuid, YearMonth period, String currency, BigDecimal invoiced, BigDecimal adjusted) {}
}
