package org.arrowsync.reliability;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.arrowsync.support.Recounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a run left in the books for some months, as rows of natural values (names, references, amounts without trailing
 * zeros) that two databases can be compared by: equal means the same rows as often, so no duplicate and nothing
 * missing, every amount to the cent and beyond. Its last table is empty where the item counts kept per month (D143),
 * which the sync-item list's totals and its vendor filter read (D158), agree with counting the items.
 */
record Ledger(Map<String, List<String>> tables) {

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("invoice items", """
                select concat_ws('|', c.name, i.year, i.month, it.name, trim_scale(it.unit_price), trim_scale(it.quantity),
                                 it.currency, coalesce(it.start_date::text, '-'), coalesce(it.end_date::text, '-'), it.resource_name)
                from invoice_items it join invoices i on i.id = it.invoice_id join customers c on c.id = i.customer_id
                where to_char(make_date(i.year, i.month, 1), 'YYYY-MM') = any(string_to_array(:months, ','))""");
        QUERIES.put("totals per customer and month", """
                select concat_ws('|', c.name, i.year, i.month, count(it.id), coalesce(trim_scale(sum(it.unit_price * it.quantity)), 0))
                from invoices i join customers c on c.id = i.customer_id left join invoice_items it on it.invoice_id = i.id
                where to_char(make_date(i.year, i.month, 1), 'YYYY-MM') = any(string_to_array(:months, ','))
                group by c.name, i.year, i.month""");
        QUERIES.put("billing syncs", """
                select concat_ws('|', m.arrow_reference, b.statement_reference, b.report_period, b.arrow_state, b.state,
                                 trim_scale(b.buy_total), trim_scale(b.sell_total), b.currency, b.line_errors, b.invoice_id is not null)
                from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                where left(b.report_period, 7) = any(string_to_array(:months, ','))""");
        QUERIES.put("billing sync items", """
                select concat_ws('|', m.arrow_reference, b.report_period, t.arrow_line_reference, t.billed_via,
                                 trim_scale(t.original_price), trim_scale(t.current_price), trim_scale(t.invoiced),
                                 trim_scale(t.compensated), trim_scale(t.sell), trim_scale(t.buy), trim_scale(t.quantity),
                                 t.invoice_item_id is not null, t.compensation_item_id is not null)
                from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                join customer_mappings m on m.id = b.customer_mapping_id
                where left(b.report_period, 7) = any(string_to_array(:months, ','))""");
        QUERIES.put("consumption records and compensations", """
                select concat_ws('|', r.license_reference, r.billing_period, trim_scale(r.consumed_sell), trim_scale(r.consumed_buy),
                                 coalesce(trim_scale(r.final_sell)::text, '-'), coalesce(trim_scale(r.final_buy)::text, '-'),
                                 trim_scale(r.compensated), r.invoice_item_id is not null, r.compensation_item_id is not null,
                                 r.finalized_at is not null, r.reconciled_at is not null)
                from consumption_records r
                where to_char(r.billing_period, 'YYYY-MM') = any(string_to_array(:months, ','))""");
        QUERIES.put("kept item counts a recount contradicts", Recounts.differences("""
                        select report_period, vendor_name, classification, sum(items) from billing_month_item_counts
                        where left(report_period, 7) = any(string_to_array(:months, ','))
                        group by 1, 2, 3 having sum(items) <> 0""", """
                        select b.report_period, t.vendor_name, t.classification, count(*)
                        from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        where left(b.report_period, 7) = any(string_to_array(:months, ','))
                        group by 1, 2, 3"""));
        QUERIES.put("kept sync counts a recount contradicts", Recounts.differences("""
                        select report_period, settings_id, state, arrow_state, sum(syncs) from billing_sync_counts
                        where left(report_period, 7) = any(string_to_array(:months, ','))
                        group by 1, 2, 3, 4 having sum(syncs) <> 0""", """
                        select b.report_period, m.settings_id, b.state, b.arrow_state, count(*)
                        from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        where left(b.report_period, 7) = any(string_to_array(:months, ','))
                        group by 1, 2, 3, 4"""));
        QUERIES.put("kept invoice counts a recount contradicts", Recounts.differences("""
                        select year, month, state, sum(invoices), sum(items) from invoice_counts
                        where to_char(make_date(year, month, 1), 'YYYY-MM') = any(string_to_array(:months, ','))
                        group by 1, 2, 3 having sum(invoices) <> 0 or sum(items) <> 0""", """
                        select i.year, i.month, i.state, count(*),
                               sum((select count(*) from invoice_items it where it.invoice_id = i.id))
                        from invoices i
                        where to_char(make_date(i.year, i.month, 1), 'YYYY-MM') = any(string_to_array(:months, ','))
                        group by 1, 2, 3"""));
    }

    static Ledger of(JdbcClient jdbc, Set<YearMonth> months) {
        String periods = months.stream().map(YearMonth::toString).collect(Collectors.joining(","));
        Map<String, List<String>> tables = new LinkedHashMap<>();
        QUERIES.forEach((table, sql) -> tables.put(
                table,
                jdbc.sql(sql).param("months", periods).query(String.class).list().stream()
                        .sorted()
                        .toList()));
        return new Ledger(tables);
    }

    long rows() {
        return tables.values().stream().mapToLong(List::size).sum();
    }

    /** Rows the clean run has and this one lacks, and rows this one has beyond it, per table; empty when equal. */
    List<String> differences(Ledger clean) {
        List<String> differences = new ArrayList<>();
        clean.tables.forEach((table, expected) -> {
            Map<String, Integer> balance = new HashMap<>();
            expected.forEach(row -> balance.merge(row, 1, Integer::sum));
            tables.get(table).forEach(row -> balance.merge(row, -1, Integer::sum));
            balance.forEach((row, count) -> {
                if (count > 0) {
                    differences.add(table + ": missing " + count + "× " + row);
                } else if (count < 0) {
                    differences.add(table + ": extra " + -count + "× " + row);
                }
            });
        });
        return differences;
    }
}
