package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The count PostgreSQL runs for the consumption-record list, over a month of 20,000 records (D135, D145). Each has a
 * usage report of about 600 bytes, so that its row is about as wide as those of {@code bench/api-lists} (whose records
 * answer about 1 KB each): on narrow rows PostgreSQL reads the table itself as cheaply as an index. The month is
 * written to a database of its own in the tests' cluster: an index-only scan needs the pages marked visible to every
 * transaction, which any transaction left open in the shared database (another test's job) would keep from them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumptionRecordListPlanIntegrationTests extends IntegrationTest {

    private static final LocalDate MONTH = LocalDate.of(2001, 1, 1);

    private static final String DATABASE = "consumption_list_plans";

    @Autowired
    EmbeddedDatabase database;

    @Autowired
    JsonMapper json;

    private JdbcClient jdbc;

    private ConsumptionRecordRepository records;

    private UUID customer;

    @BeforeAll
    void month() throws InterruptedException {
        JdbcClient cluster = JdbcClient.create(database.cluster().dataSource());
        cluster.sql("drop database if exists " + DATABASE).update();
        cluster.sql("create database " + DATABASE).update();
        DataSource dataSource = database.cluster().dataSource(DATABASE);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        records = new ConsumptionRecordRepository(jdbc, json);
        customer = UUID.randomUUID();
        jdbc.sql("""
                        with c as (insert into customers (uuid, name, created, modified)
                                   values (?, 'Plan customer', now(), now()) returning id),
                             p as (insert into projects (uuid, customer_id, name, created, modified)
                                   select gen_random_uuid(), c.id, 'Plan project', now(), now() from c returning id),
                             o as (insert into offerings (uuid, name, type, state, created, modified)
                                   values (gen_random_uuid(), 'Plan offering', 'Arrow', 'Active', now(), now()) returning id),
                             r as (insert into resources (uuid, name, backend_id, state, offering_id, project_id, created, modified)
                                   select gen_random_uuid(), 'Plan license ' || n, 'PLAN-' || n, 'OK', o.id, p.id, now(), now()
                                   from p cross join o cross join generate_series(1, 20000) n returning id, backend_id)
                        insert into consumption_records (uuid, resource_id, license_reference, billing_period, raw_data, created, modified)
                        select gen_random_uuid(), r.id, r.backend_id, ?, jsonb_build_object('usage', repeat('a day of a license ', 32)),
                               now(), now() from r""").params(customer, MONTH).update();
        jdbc.sql("vacuum analyze").update();
        assertThat(jdbc.sql("select relallvisible >= relpages from pg_class where relname = 'consumption_records'")
                        .query(Boolean.class)
                        .single())
                .as("every page of the records visible to every transaction after the vacuum")
                .isTrue();
    }

    @AfterAll
    void dropDatabase() {
        JdbcClient.create(database.cluster().dataSource())
                .sql("drop database if exists " + DATABASE + " with (force)")
                .update();
    }

    @Test
    void aMonthAndItsStatesAreCountedFromTheKeptCountsWithoutReadingTheRecords() {
        for (ConsumptionRecordService.RecordFilter filter : List.of(
                filter(null, null, null),
                filter(null, MONTH, null),
                filter(null, MONTH, false),
                new ConsumptionRecordService.RecordFilter(null, null, null, null, null, MONTH, null, null, true))) {
            String plan = String.join("\n", records.countPlan(filter));

            assertThat(plan)
                    .as("D145\n" + plan)
                    .contains("on consumption_record_counts")
                    .doesNotContain("on consumption_records");
        }
    }

    @Test
    void aLicenseReferenceIsCountedFromTheRecordsAloneWithoutTheirJoins() {
        String plan = String.join(
                "\n",
                records.countPlan(new ConsumptionRecordService.RecordFilter(
                        null, null, null, "PLAN-1", MONTH, null, null, null, null)));

        assertThat(plan).as("D135\n" + plan).contains("consumption_records").doesNotContain("resources");
    }

    @Test
    void aPageJoinsOnlyItsOwnRecords() {
        for (ConsumptionRecordService.RecordFilter filter : List.of(filter(null, null), filter(null, MONTH))) {
            for (int page : new int[] {1, 150}) {
                String plan = String.join("\n", records.pagePlan(filter, new PageRequest(page, 100)));

                // the page's 100 records are read by key with their joins once they are chosen; not every record
                // joined to its resource, project, customer and items before the page is picked (D228). The choice
                // itself is cr_1: a deep page of a small month may sort the month for it.
                assertThat(plan)
                        .as("page %d of %s\n%s", page, filter, plan)
                        .contains("using consumption_records_pkey on consumption_records cr ")
                        .doesNotContainPattern("Seq Scan on consumption_records cr\\s");
            }
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
        return filter(customer, month, null);
    }

    private static ConsumptionRecordService.RecordFilter filter(UUID customer, LocalDate month, Boolean finalized) {
        return new ConsumptionRecordService.RecordFilter(
                null, null, customer, null, month, null, null, finalized, null);
    }
}
