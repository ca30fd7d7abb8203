package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.arrowclient.License;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Fixtures;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D2 across both paths on the demo preset's closed month: licenses tracked by consumption and lines invoiced by the
 * billing sync, a late Arrow correction, finalisation and reconciliation. After all of it, the Arrow-sourced items
 * billing October for each customer add up to Arrow's October export total for that customer, to the cent.
 */
class LedgerInvariantIntegrationTests extends IntegrationTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ArrowClients clients;

    @Autowired
    BillingValidation validation;

    ArrowFixture arrow;

    @BeforeEach
    void arrow() {
        arrow = ArrowFixture.demo(api, jdbc);
    }

    @AfterEach
    void close() {
        arrow.close();
    }

    @Test
    void everyArrowAmountIsChargedOnceAcrossBothPaths() {
        String settings = arrow.settings();
        Map<String, String> customers = arrow.mapAllCustomers();
        licensedResources(customers);
        Map<String, Object> october = Map.of("year", 2026, "month", 10, "settings_uuid", settings);

        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", october));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", october));
        List<String> viaConsumption = lines("consumption");
        List<String> viaInvoice = lines("invoice");
        assertThat(viaConsumption)
                .as("IaaS license-months billed by consumption tracking")
                .isNotEmpty();
        assertThat(viaInvoice).as("SaaS lines billed by the billing sync").isNotEmpty();

        arrow.control().call("POST", "lines/" + viaConsumption.get(0), "{\"sell\":\"777.77000\"}");
        arrow.control().call("POST", "lines/" + viaInvoice.get(0), "{\"sell\":\"55.55000\"}");
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", october));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", october));
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        arrow.control().call("POST", "lines/" + viaInvoice.get(1), "{\"sell\":\"66.66000\"}");
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", october));
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", october));

        List<Boolean> linked =
                jdbc.sql("""
                        select it.resource_id is not null from invoice_items it where it.details ->> 'source' = 'arrow_reconciliation'
                        and it.details ->> 'original_line_reference' = ?""").param(viaInvoice.get(1)).query(Boolean.class).list();
        assertThat(linked)
                .as("a billing correction names the resource its line billed")
                .containsExactly(true);

        JsonNode summary = arrow.control().summary(OCTOBER).get("customers");
        for (Map.Entry<String, String> customer : customers.entrySet()) {
            BigDecimal expected =
                    new BigDecimal(summary.get(customer.getKey()).get("sell").asString());
            assertThat(chargedForOctober(customer.getValue()))
                    .as("Arrow-sourced October items of %s", customer.getKey())
                    .isEqualByComparingTo(expected);
        }
    }

    private void licensedResources(Map<String, String> customers) {
        Fixtures fixtures = new Fixtures(api);
        String offering = fixtures.offering().text("uuid");
        Map<String, String> projects = new HashMap<>();
        List<License> licenses = clients.connect(new ArrowConnection(
                        arrow.emulator().apiBaseUrl(), arrow.emulator().apiKey()))
                .licenses();
        for (License license : licenses) {
            String customer = customers.get(license.customerReference());
            String project = projects.computeIfAbsent(customer, fixtures::project);
            api.post(
                            "/api/marketplace-resources/",
                            Map.of(
                                    "name",
                                    license.reference(),
                                    "project",
                                    project,
                                    "offering",
                                    offering,
                                    "backend_id",
                                    license.reference(),
                                    "attributes",
                                    Map.of("arrow_license_reference", license.reference())))
                    .expect(201);
        }
    }

    private void succeeded(org.arrowsync.support.Response accepted) {
        JsonNode job = arrow.awaitJob(accepted);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
    }

    private List<String> lines(String billedVia) {
        return jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = ? order by t.id""")
                .params(arrow.settings(), billedVia)
                .query(String.class)
                .list();
    }

    private BigDecimal chargedForOctober(String customer) {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid and it.start_date = date '2026-10-01' and it.details ->> 'source' like 'arrow%'""").param(customer).query(BigDecimal.class).single();
    }
}
