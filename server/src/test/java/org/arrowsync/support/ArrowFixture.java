package org.arrowsync.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClientProperties;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.emulator.ArrowEmulator;
import org.arrowsync.emulator.EmulatorOptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Arrow side of a test, built lazily: an emulator, a settings record pointing at it (inactive, so test classes
 * sharing the database never fight over the one active record), and operator customers mapped to every Arrow customer.
 * The emulator is strict: the product is tested against the API as ArrowSphere's official clients show it.
 */
public final class ArrowFixture implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    public static final String MSP_TEMPLATE = "E1-2-b2f08942207fbd6838ba332a98387c69";
    public static final String ALT_TEMPLATE = "DJ284LDZ-standard";

    private final Api api;
    private final JdbcClient jdbc;
    private final ArrowEmulator emulator;
    private final Control control;
    private UUID settings;
    private final Map<String, String> customersByArrowReference = new LinkedHashMap<>();

    /**
     * Every emulator serves the same license references, and license-month claims (D2) are global, as Arrow's license
     * references are: each fixture starts from no claims, like a fresh Arrow account.
     */
    public ArrowFixture(Api api, JdbcClient jdbc, EmulatorOptions options) {
        this.api = api;
        this.jdbc = jdbc;
        jdbc.sql("delete from license_billing").update();
        this.emulator = ArrowEmulator.start(options.withStrict(true));
        this.control = new Control(emulator.controlUrl().toString());
    }

    /** The control API of any emulator. */
    public static Control control(ArrowEmulator emulator) {
        return new Control(emulator.controlUrl().toString());
    }

    public static ArrowFixture demo(Api api, JdbcClient jdbc) {
        return new ArrowFixture(api, jdbc, EmulatorOptions.demo().withClock(NOW));
    }

    public ArrowEmulator emulator() {
        return emulator;
    }

    public Control control() {
        return control;
    }

    /** Settings for the emulator with the given template and price source, created once. */
    public String settings(String template, String priceSource) {
        if (settings == null) {
            settings = UUID.randomUUID();
            jdbc.sql("""
                            insert into arrow_settings (uuid, api_url, api_key, export_type_reference, is_active, invoice_price_source, created, modified)
                            values (?, ?, ?, ?, false, ?, now(), now())""")
                    .params(settings, emulator.apiBaseUrl().toString(), emulator.apiKey(), template, priceSource)
                    .update();
        }
        return settings.toString().replace("-", "");
    }

    public String settings() {
        return settings(ALT_TEMPLATE, "sell");
    }

    /**
     * An operator customer and an active mapping for every Arrow customer; returns operator customer uuids by Arrow
     * reference.
     */
    public Map<String, String> mapAllCustomers() {
        if (customersByArrowReference.isEmpty()) {
            JsonNode customers = control.summary(
                            YearMonth.from(NOW.atZone(java.time.ZoneOffset.UTC)).minusMonths(1))
                    .get("customers");
            for (Map.Entry<String, JsonNode> entry : customers.properties()) {
                String name = entry.getValue().get("companyName").asString();
                String customer = new Fixtures(api)
                        .customer(name + " " + UUID.randomUUID().toString().substring(0, 4));
                jdbc.sql("""
                                insert into customer_mappings (uuid, settings_id, arrow_reference, arrow_company_name, customer_id, created, modified)
                                values (?, (select id from arrow_settings where uuid = ?), ?, ?, (select id from customers where uuid = ?), now(), now())""")
                        .params(
                                UUID.randomUUID(),
                                settings,
                                entry.getKey(),
                                name,
                                UUID.fromString(
                                        customer.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")))
                        .update();
                customersByArrowReference.put(entry.getKey(), customer);
            }
        }
        return customersByArrowReference;
    }

    /** The uuid (hex) of the mapping of an Arrow customer, once {@link #mapAllCustomers} made it. */
    public String mappingUuid(String arrowReference) {
        return jdbc.sql("""
                        select m.uuid from customer_mappings m join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ? and m.arrow_reference = ?""")
                .params(settings, arrowReference)
                .query(UUID.class)
                .single()
                .toString()
                .replace("-", "");
    }

    /** What the export bills an Arrow customer for a month (sell), as the emulator's ground truth says. */
    public BigDecimal exportSell(YearMonth period, String arrowReference) {
        return new BigDecimal(control.summary(period)
                .get("customers")
                .get(arrowReference)
                .get("sell")
                .asString());
    }

    /** The line references of an Arrow customer's sync items ({@code billedVia} a SQL pattern), in order. */
    public List<String> lineReferences(String arrowReference, String billedVia) {
        return jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ? and m.arrow_reference = ? and t.billed_via like ? order by t.id""")
                .params(settings, arrowReference, billedVia)
                .query(String.class)
                .list();
    }

    /** A client of this emulator with the default settings, plain http allowed (it listens on loopback). */
    public static ArrowClient client(ArrowEmulator emulator) {
        ArrowClients clients = new ArrowClients(ArrowClientProperties.defaults());
        clients.allowPlainHttpTo(emulator.apiBaseUrl());
        return clients.connect(new ArrowConnection(emulator.apiBaseUrl(), emulator.apiKey()));
    }

    /** Every line of the month's export (the standard template), as Arrow sends it now. */
    public List<BillingLine> exportLines(YearMonth period) {
        List<BillingLine> lines = new ArrayList<>();
        client(emulator)
                .forEachExportPage(
                        ExportQuery.forPeriod(ALT_TEMPLATE, period),
                        page -> page.rows()
                                .forEach(row -> lines.add(row.billingLine().line())));
        return lines;
    }

    /**
     * An OK resource per license of the mapped customers, licensed as resource sync leaves it (license, vendor and
     * classification in its attributes); returns resource uuids by license reference.
     */
    public Map<String, String> licensedResources(YearMonth period) {
        Fixtures fixtures = new Fixtures(api);
        String offering = fixtures.offering().text("uuid");
        Map<String, String> projects = new HashMap<>();
        Map<String, String> resources = new LinkedHashMap<>();
        for (BillingLine line : exportLines(period)) {
            String customer = mapAllCustomers().get("XSP" + line.customerReference());
            if (customer == null || resources.containsKey(line.licenseReference())) {
                continue;
            }
            String project = projects.computeIfAbsent(customer, fixtures::project);
            resources.put(
                    line.licenseReference(),
                    api.post(
                                    "/api/marketplace-resources/",
                                    Map.of(
                                            "name",
                                            line.licenseReference(),
                                            "project",
                                            project,
                                            "offering",
                                            offering,
                                            "backend_id",
                                            line.licenseReference(),
                                            "attributes",
                                            Map.of(
                                                    "arrow_license_reference",
                                                    line.licenseReference(),
                                                    "arrow_vendor",
                                                    line.vendor(),
                                                    "arrow_classification",
                                                    line.classification())))
                            .expect(201)
                            .text("uuid"));
        }
        return resources;
    }

    /** What a customer's items billing a month from Arrow (billing lines, consumption, corrections) add up to. */
    public BigDecimal arrowCharges(String customerUuid, YearMonth period) {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid and it.start_date = ? and it.details ->> 'source' like 'arrow%'""")
                .params(customerUuid, period.atDay(1))
                .query(BigDecimal.class)
                .single();
    }

    /** Triggers one of the billing-syncs actions for a month of these settings and waits for it to succeed. */
    public JsonNode run(String action, YearMonth period, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("year", period.getYear());
        body.put("month", period.getMonthValue());
        body.put("settings_uuid", settings());
        JsonNode job = awaitJob(api.post("/api/admin/arrow/billing-syncs/" + action + "/", body));
        if (!job.get("state").asString().equals("succeeded")) {
            throw new AssertionError(action + " of " + period + " did not succeed: " + job);
        }
        return job;
    }

    /** Waits for a queued job to finish and returns its final view. */
    public JsonNode awaitJob(Response accepted) {
        return Jobs.await(api, accepted.expect(202).text("uuid"));
    }

    /** Removes the settings (and with them mappings and syncs), so other test classes see no stray mappings. */
    @Override
    public void close() {
        emulator.close();
        if (settings != null) {
            jdbc.sql("delete from arrow_settings where uuid = ?")
                    .param(settings)
                    .update();
        }
    }
}
