package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The count PostgreSQL runs for the consumption-record list, over a month of 20,000 records (D135, D137). Each has a
 * usage report of about 600 bytes, so that its row is about as wide as those of {@code bench/api-lists} (whose records
 * answer about 1 KB each): on narrow rows PostgreSQL reads the table itself as cheaply as an index.
 */
class ConsumptionRecordListPlanIntegrationTests extends IntegrationTest {

    private static final LocalDate MONTH = LocalDate.of(2001, 1, 1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsumptionRecordRepository records;

    private UUID customer;

    private UUID offering;

    @BeforeEach
    void month() throws InterruptedException {
        customer = UUID.randomUUID();
        offering = UUID.randomUUID();
        jdbc.sql("""
                        with c as (insert into customers (uuid, name, created, modified)
                                   values (?, 'Plan customer ' || gen_random_uuid(), now(), now()) returning id),
                             p as (insert into projects (uuid, customer_id, name, created, modified)
                                   select gen_random_uuid(), c.id, 'Plan project', now(), now() from c returning id),
                             o as (insert into offerings (uuid, name, type, state, created, modified)
                                   values (?, 'Plan offering', 'Arrow', 'Active', now(), now()) returning id),
                             r as (insert into resources (uuid, name, backend_id, state, offering_id, project_id, created, modified)
                                   select gen_random_uuid(), 'Plan license ' || n, 'PLAN-' || n, 'OK', o.id, p.id, now(), now()
                                   from p cross join o cross join generate_series(1, 20000) n returning id, backend_id)
                        insert into consumption_records (uuid, resource_id, license_reference, billing_period, raw_data, created, modified)
                        select gen_random_uuid(), r.id, r.backend_id, ?, jsonb_build_object('usage', repeat('a day of a license ', 32)), now(), now() from r""").params(customer, offering, MONTH).update();
        allVisible();
    }

    /**
     * Vacuums the records until the visibility map holds every page, which an index-only scan reads and the planner
     * weighs: a transaction another part of the shared server holds open at that moment keeps pages from it.
     */
    private void allVisible() throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            jdbc.sql("vacuum analyze consumption_records, resources, projects, customers")
                    .update();
            if (jdbc.sql("select relallvisible >= relpages from pg_class where relname = 'consumption_records'")
                    .query(Boolean.class)
                    .single()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The records' pages did not all become visible to every transaction");
    }

    /** The 20,000 records would head every other test's unfiltered record list in the shared database. */
    @AfterEach
    void deleteMonth() {
        jdbc.sql("delete from customers where uuid = ?").param(customer).update();
        jdbc.sql("delete from offerings where uuid = ?").param(offering).update();
    }

    @Test
    void aMonthIsCountedFromThePeriodsIndexWithoutReadingItsRecords() {
        String plan = String.join("\n", records.countPlan(filter(null, MONTH)));

        assertThat(plan)
                .as(plan)
                .contains("Index Only Scan", "Heap Fetches: 0")
                .doesNotContain("Seq Scan on consumption_records");
    }

    @Test
    void everyRecordIsCountedFromAnIndexToo() {
        String plan = String.join("\n", records.countPlan(filter(null, null)));

        assertThat(plan).as(plan).contains("Index Only Scan").doesNotContain("Seq Scan on consumption_records");
    }

    /** D137: the period's index carries the timestamps the finalised and reconciled filters read. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aMonthsFinalisedOrReconciledRecordsAreCountedFromThePeriodsIndex(boolean state) {
        for (ConsumptionRecordService.RecordFilter filter : List.of(
                new ConsumptionRecordService.RecordFilter(null, null, null, null, MONTH, null, null, state, null),
                new ConsumptionRecordService.RecordFilter(null, null, null, null, null, null, null, null, state))) {
            String plan = String.join("\n", records.countPlan(filter));

            assertThat(plan).as(plan).contains("Index Only Scan").doesNotContain("Seq Scan on consumption_records");
        }
    }

    @Test
    void aCountWithoutTheJoinsCountsWhatTheListsJoinsCount() {
        long all = jdbc.sql("select count(*)" + ConsumptionRecordRepository.FROM + " where cr.billing_period = ?")
                .param(MONTH)
                .query(Long.class)
                .single();

        assertThat(records.list(filter(null, MONTH), new PageRequest(1, 100)).total())
                .isEqualTo(all)
                .isEqualTo(records.list(filter(customer, MONTH), new PageRequest(1, 100))
                        .total())
                .isEqualTo(20_000);
    }

    private static ConsumptionRecordService.RecordFilter filter(UUID customer, LocalDate month) {
        return new ConsumptionRecordService.RecordFilter(null, null, customer, null, month, null, null, null, null);
    }
}
