package org.arrowsync.billing;

import static org.arrowsync.shared.SqlArrays.column;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of sync runs: which run last changed which syncs and how, and the lines of a month no mapping claimed. All
 * written inside the run's own transaction, so a failed run leaves none of it.
 */
@Repository
class BillingRunRepository {

    private final JdbcClient jdbc;

    BillingRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run's row; {@code license} the one license the run is limited to, null for the whole month. */
    long start(long settingsId, YearMonth period, String license, Instant now) {
        return jdbc.sql("""
                        insert into billing_sync_runs (settings_id, report_period, license_reference, finished)
                        values (?, ?, ?, ?) returning id""")
                .params(settingsId, period.toString(), license, Timestamps.of(now))
                .query(Long.class)
                .single();
    }

    /** Closes a run: its time and lines seen, and one change row for every sync whose lines or totals it changed. */
    void finish(long runId, long linesSeen, List<SyncChange> changes, Instant now) {
        jdbc.sql("update billing_sync_runs set finished = ?, lines_seen = ? where id = ?")
                .params(Timestamps.of(now), linesSeen, runId)
                .update();
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into billing_sync_changes (run_id, billing_sync_id, lines_added, lines_changed, lines_removed, sell_before,
                                                          sell_after, buy_before, buy_after)
                        select ?, t.* from unnest(?::bigint[], ?::int[], ?::int[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[],
                                                  ?::numeric[]) as t""")
                .params(
                        runId,
                        column(changes, SyncChange::syncId, Long[]::new),
                        column(changes, change -> change.lines().added(), Integer[]::new),
                        column(changes, change -> change.lines().changed(), Integer[]::new),
                        column(changes, change -> change.lines().removed(), Integer[]::new),
                        column(changes, SyncChange::sellBefore, BigDecimal[]::new),
                        column(changes, SyncChange::sellAfter, BigDecimal[]::new),
                        column(changes, SyncChange::buyBefore, BigDecimal[]::new),
                        column(changes, SyncChange::buyAfter, BigDecimal[]::new))
                .update();
    }

    /**
     * Recounts what these syncs' lines add up to (Arrow's buy and sell of the lines present, how many, Arrow's latest
     * amount of them, what they bill through their own items and compensations), after a run changed them: a
     * reconciliation that took Arrow's changed, dropped and late lines leaves the sync's totals those of its lines.
     */
    void refreshLineTotals(Collection<Long> syncIds) {
        if (syncIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update billing_syncs b set buy_total = coalesce(x.buy, 0), sell_total = coalesce(x.sell, 0),
                               lines = coalesce(x.lines, 0), arrow_amount = coalesce(x.arrow_amount, 0), billed = coalesce(x.billed, 0)
                        from unnest(?::bigint[]) as k(id)
                        left join (""" + BillingSyncItemRepository.syncTotals("billing_sync_items where billing_sync_id = any(?)") + """
                                   ) x
                               on x.billing_sync_id = k.id
                        where b.id = k.id
                          and (b.buy_total, b.sell_total, b.lines, b.arrow_amount, b.billed)
                              is distinct from (coalesce(x.buy, 0), coalesce(x.sell, 0), coalesce(x.lines, 0), coalesce(x.arrow_amount, 0),
                                                coalesce(x.billed, 0))""")
                .params(syncIds.toArray(Long[]::new), syncIds.toArray(Long[]::new))
                .update();
    }

    /** Replaces the month's vendor totals with those of its lines now (a full run saw them all). */
    void replaceVendorTotals(long settingsId, YearMonth period, List<BillingMonths.VendorAmount> vendors) {
        jdbc.sql("delete from billing_vendor_totals where settings_id = ? and report_period = ?")
                .params(settingsId, period.toString())
                .update();
        if (vendors.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into billing_vendor_totals (settings_id, report_period, vendor_name, lines, amount)
                        select ?, ?, t.vendor, t.lines, t.amount from unnest(?::text[], ?::int[], ?::numeric[]) as t(vendor, lines, amount)""")
                .params(
                        settingsId,
                        period.toString(),
                        column(vendors, BillingMonths.VendorAmount::vendorName, String[]::new),
                        column(vendors, vendor -> (int) vendor.lines(), Integer[]::new),
                        column(vendors, BillingMonths.VendorAmount::amount, BigDecimal[]::new))
                .update();
    }

    /**
     * Counts the month's vendor totals again from its lines, as they add up now
     * ({@link BillingSyncItemRepository#lineTotals}), in one statement: after a reconciliation, which changes lines
     * without a full run.
     */
    void recountVendorTotals(long settingsId, YearMonth period) {
        jdbc.sql("delete from billing_vendor_totals where settings_id = ? and report_period = ?")
                .params(settingsId, period.toString())
                .update();
        jdbc.sql("""
                        insert into billing_vendor_totals (settings_id, report_period, vendor_name, lines, amount)
                        select ?, ?, v.vendor_name, sum(v.lines), sum(v.arrow_amount)
                        from (""" + BillingSyncItemRepository.lineTotals("vendor_name", """
                                billing_sync_items where vendor_name <> '' and billing_sync_id in (
                                    select b.id from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                                    where m.settings_id = ? and b.report_period = ?)""") + """
                              ) v
                        group by v.vendor_name having sum(v.lines) > 0""")
                .params(settingsId, period.toString(), settingsId, period.toString())
                .update();
    }

    /** The vendors of a month's lines and their amounts, the largest first. */
    List<BillingMonths.VendorAmount> vendorTotals(long settingsId, YearMonth period) {
        return jdbc.sql("""
                        select vendor_name, lines, amount from billing_vendor_totals where settings_id = ? and report_period = ?
                        order by amount desc, vendor_name""")
                .params(settingsId, period.toString())
                .query((rs, row) -> new BillingMonths.VendorAmount(
                        rs.getString("vendor_name"), rs.getLong("lines"), rs.getBigDecimal("amount")))
                .list();
    }

    /** The vendors of any month's lines (of one settings record, when given). */
    List<String> vendors(UUID settingsUuid) {
        return jdbc.sql("""
                        select distinct v.vendor_name from billing_vendor_totals v join arrow_settings s on s.id = v.settings_id
                        where ?::uuid is null or s.uuid = ?::uuid order by 1""")
                .params(settingsUuid, settingsUuid)
                .query(String.class)
                .list();
    }

    /** Replaces the month's unmatched lines with what a full run found. */
    void replaceUnmatched(long settingsId, YearMonth period, List<UnmatchedCustomer> unmatched) {
        jdbc.sql("delete from billing_unmatched_lines where settings_id = ? and report_period = ?")
                .params(settingsId, period.toString())
                .update();
        if (unmatched.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into billing_unmatched_lines (settings_id, report_period, customer_reference, company_name, currency, lines,
                                                             amount)
                        select ?, ?, r, n, c, l, a from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[]) as t(r, n, c, l, a)""")
                .params(
                        settingsId,
                        period.toString(),
                        unmatched.stream()
                                .map(UnmatchedCustomer::customerReference)
                                .toArray(String[]::new),
                        unmatched.stream().map(UnmatchedCustomer::companyName).toArray(String[]::new),
                        unmatched.stream().map(UnmatchedCustomer::currency).toArray(String[]::new),
                        unmatched.stream().map(UnmatchedCustomer::lines).toArray(Integer[]::new),
                        unmatched.stream().map(UnmatchedCustomer::amount).toArray(BigDecimal[]::new))
                .update();
    }

    Optional<Run> last(long settingsId, YearMonth period) {
        return lastWhere("", settingsId, period);
    }

    /** The last run that read the whole month, not one license of it. */
    Optional<Run> lastOfTheWholeMonth(long settingsId, YearMonth period) {
        return lastWhere(" and license_reference is null", settingsId, period);
    }

    private Optional<Run> lastWhere(String condition, long settingsId, YearMonth period) {
        return jdbc.sql(
                        "select id, finished, lines_seen from billing_sync_runs where settings_id = ? and report_period = ?"
                                + condition + " order by id desc limit 1")
                .params(settingsId, period.toString())
                .query((rs, row) ->
                        new Run(rs.getLong("id"), Timestamps.read(rs, "finished"), rs.getLong("lines_seen")))
                .optional();
    }

    Optional<Instant> previousFinished(long settingsId, YearMonth period, long runId) {
        return jdbc.sql("""
                        select finished from billing_sync_runs where settings_id = ? and report_period = ? and id < ?
                        order by id desc limit 1""")
                .params(settingsId, period.toString(), runId)
                .query((rs, row) -> Timestamps.read(rs, "finished"))
                .optional();
    }

    /** The syncs a run changed, the largest change of total first. */
    List<BillingMonths.SyncChange> changes(long runId, int limit) {
        return jdbc.sql("select b.uuid, c.name, b.statement_reference, x.lines_added, x.lines_changed, x.lines_removed,"
                        + " x.sell_before, x.sell_after from billing_sync_changes x"
                        + " join billing_syncs b on b.id = x.billing_sync_id join customer_mappings m on m.id = b.customer_mapping_id"
                        + BillingSyncRepository.CUSTOMER_JOINS
                        + " where x.run_id = ? order by abs(x.sell_after - x.sell_before) desc, c.name limit ?")
                .params(runId, limit)
                .query((rs, row) -> new BillingMonths.SyncChange(
                        rs.getObject("uuid", UUID.class),
                        rs.getString("name"),
                        rs.getString("statement_reference"),
                        rs.getInt("lines_added"),
                        rs.getInt("lines_changed"),
                        rs.getInt("lines_removed"),
                        rs.getBigDecimal("sell_before"),
                        rs.getBigDecimal("sell_after")))
                .list();
    }

    BillingMonths.ChangeTotals changeTotals(long runId) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(lines_added), 0), coalesce(sum(lines_changed), 0), coalesce(sum(lines_removed), 0),
                               coalesce(sum(sell_after - sell_before), 0)
                        from billing_sync_changes where run_id = ?""")
                .param(runId)
                .query((rs, row) -> new BillingMonths.ChangeTotals(
                        rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)))
                .single();
    }

    List<UnmatchedCustomer> unmatched(long settingsId, YearMonth period) {
        return jdbc.sql("""
                        select customer_reference, company_name, currency, lines, amount from billing_unmatched_lines
                        where settings_id = ? and report_period = ? order by amount desc, company_name""")
                .params(settingsId, period.toString())
                .query((rs, row) -> new UnmatchedCustomer(
                        rs.getString("customer_reference"),
                        rs.getString("company_name"),
                        rs.getString("currency"),
                        rs.getInt("lines"),
                        rs.getBigDecimal("amount")))
                .list();
    }

    /** A finished run of a month. */
    record Run(long id, Instant finished, long linesSeen) {}

    /** What a run changed of a sync: its lines (as the run marked them) and its totals, before and after. */
    record SyncChange(
            long syncId,
            BillingSyncItemRepository.LineChanges lines,
            BigDecimal sellBefore,
            BigDecimal sellAfter,
            BigDecimal buyBefore,
            BigDecimal buyAfter) {}
}
