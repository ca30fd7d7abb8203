package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.License;
import org.arrowsync.emulator.ArrowEmulator;
import org.arrowsync.emulator.EmulatorOptions;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Fixtures;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.Response;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The linked graph a consumption test needs, built lazily over the API and SQL: an emulator (demo preset, clock = now),
 * active settings pointing at it, operator customers mapped to the first Arrow customers, and one OK resource per Arrow
 * license.
 */
public final class ConsumptionWorld implements AutoCloseable {

    static final String STANDARD_EXPORT = "DJ284LDZ-standard";
    public static final YearMonth CURRENT = YearMonth.now(ZoneOffset.UTC);
    static final YearMonth CLOSED = CURRENT.minusMonths(1);

    final ArrowEmulator emulator;
    private final Api api;
    private final JdbcClient jdbc;
    public UUID settingsUuid;
    /** Operator customer uuid (hex) → Arrow customer reference. */
    final Map<String, String> customers = new LinkedHashMap<>();
    /** License reference → resource uuid (hex). */
    final Map<String, String> resources = new LinkedHashMap<>();
    /** License reference → operator customer uuid (hex). */
    final Map<String, String> customerOfLicense = new HashMap<>();

    private ConsumptionWorld(ArrowEmulator emulator, Api api, JdbcClient jdbc) {
        this.emulator = emulator;
        this.api = api;
        this.jdbc = jdbc;
    }

    /** Only the emulator's API and control helpers, for tests that build their own data. */
    static ConsumptionWorld attach(ArrowEmulator emulator) {
        return new ConsumptionWorld(emulator, null, null);
    }

    /** Settings, {@code arrowCustomers} mapped customers and their licensed resources. */
    public static ConsumptionWorld create(Api api, JdbcClient jdbc, int arrowCustomers) {
        ConsumptionWorld world = new ConsumptionWorld(
                ArrowEmulator.start(
                        EmulatorOptions.demo().withClock(Instant.now()).withStrict(true)),
                api,
                jdbc);
        world.build(arrowCustomers);
        return world;
    }

    private void build(int arrowCustomers) {
        jdbc.sql("update arrow_settings set is_active = false").update();
        jdbc.sql("delete from license_billing").update();
        settingsUuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, export_type_reference, is_active, sync_enabled, created, modified)
                        values (?, ?, ?, ?, true, true, now(), now())""")
                .params(settingsUuid, emulator.apiBaseUrl().toString(), emulator.apiKey(), STANDARD_EXPORT)
                .update();
        long settingsId = jdbc.sql("select id from arrow_settings where uuid = ?")
                .param(settingsUuid)
                .query(Long.class)
                .single();
        Fixtures fixtures = new Fixtures(api);
        String offering = fixtures.offering().text("uuid");
        Map<String, List<License>> byCustomer = new LinkedHashMap<>();
        for (License license : client().licenses()) {
            byCustomer
                    .computeIfAbsent(license.customerReference(), key -> new ArrayList<>())
                    .add(license);
        }
        byCustomer.entrySet().stream().limit(arrowCustomers).forEach(entry -> {
            String customer = fixtures.customer();
            String project = fixtures.project(customer);
            customers.put(customer, entry.getKey());
            jdbc.sql("""
                            insert into customer_mappings (uuid, settings_id, arrow_reference, customer_id, created, modified)
                            select ?, ?, ?, id, now(), now() from customers where uuid = ?""")
                    .params(UUID.randomUUID(), settingsId, entry.getKey(), UUID.fromString(dashed(customer)))
                    .update();
            for (License license : entry.getValue()) {
                resources.put(license.reference(), resource(project, offering, license.reference()));
                customerOfLicense.put(license.reference(), customer);
            }
        });
    }

    String resource(String project, String offering, String licenseReference) {
        return api.post(
                        "/api/marketplace-resources/",
                        Map.of(
                                "name",
                                Fixtures.unique("License " + licenseReference),
                                "project",
                                project,
                                "offering",
                                offering,
                                "state",
                                "OK",
                                "attributes",
                                Map.of("arrow_license_reference", licenseReference)))
                .expect(201)
                .text("uuid");
    }

    ArrowClient client() {
        return ArrowFixture.client(emulator);
    }

    /** The export's chosen (sell) totals of our licenses for a month, by license. */
    Map<String, BigDecimal> exportSell(YearMonth period) {
        Map<String, BigDecimal> totals = new HashMap<>();
        client().forEachExportPage(
                        ExportQuery.forPeriod(STANDARD_EXPORT, period),
                        page -> page.rows().forEach(row -> {
                            BillingLine line = row.billingLine().line();
                            if (resources.containsKey(line.licenseReference())) {
                                totals.merge(line.licenseReference(), line.sellTotal(), BigDecimal::add);
                            }
                        }));
        return totals;
    }

    /** The export's lines of a license and month, as the emulator's control API addresses them (by Sequence). */
    List<BillingLine> lines(String licenseReference, YearMonth period) {
        List<BillingLine> lines = new ArrayList<>();
        client().forEachExportPage(
                        ExportQuery.forPeriod(STANDARD_EXPORT, period),
                        page -> page.rows().forEach(row -> {
                            BillingLine line = row.billingLine().line();
                            if (licenseReference.equals(line.licenseReference())) {
                                lines.add(line);
                            }
                        }));
        return lines;
    }

    /** Closes the customer's invoice of the month (state created), as an operator issuing it does. */
    void closeInvoice(String customer, YearMonth period) {
        JsonNode invoice = api.get("/api/invoices/?customer_uuid=" + customer + "&year=" + period.getYear() + "&month="
                        + period.getMonthValue())
                .expect(200)
                .json()
                .get(0);
        api.post("/api/invoices/" + invoice.get("uuid").asString() + "/set_state/", Map.of("state", "created"))
                .expect(200);
    }

    /** Arrow corrects the license's first export line of the month by {@code change} (sell price). */
    void correctSell(String licenseReference, YearMonth period, BigDecimal change) {
        BillingLine line = lines(licenseReference, period).get(0);
        control(
                "POST",
                "lines/" + line.lineReference(),
                "{\"sell\":\"" + line.sellTotal().add(change) + "\"}");
    }

    /** The first license with metered (IAAS) consumption in the month. */
    String meteredLicense(YearMonth period) {
        return resources.keySet().stream()
                .filter(license -> client().monthlyConsumption(license, period, period)
                                .lines()
                                .size()
                        > 0)
                .findFirst()
                .orElseThrow();
    }

    JsonNode control(String method, String path, String body) {
        return ArrowFixture.control(emulator).call(method, path, body);
    }

    /** Posts a trigger, expects 202 and waits for the job to end; returns the finished job. */
    JsonNode run(String trigger, Map<String, Object> body) {
        Response accepted = api.post("/api/admin/arrow/billing-syncs/" + trigger + "/", body)
                .expect(202);
        return awaitJob(accepted.text("uuid"));
    }

    public JsonNode awaitJob(String uuid) {
        return Jobs.await(api, uuid);
    }

    Map<String, Object> period(YearMonth period) {
        Map<String, Object> body = new HashMap<>();
        body.put("year", period.getYear());
        body.put("month", period.getMonthValue());
        body.put("settings_uuid", settingsUuid.toString());
        return body;
    }

    static String dashed(String hex) {
        return hex.length() == 32
                ? hex.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5")
                : hex;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
