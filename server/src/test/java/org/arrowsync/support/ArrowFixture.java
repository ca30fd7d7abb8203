package org.arrowsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.License;
import org.arrowsync.emulator.EmulatorOptions;
import org.arrowsync.emulator.http.ExportTemplates;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import tools.jackson.databind.JsonNode;

/**
 * What a test needs of the world, built lazily over the server's API as an operator builds it, each part on first use:
 * operator customers, projects, offerings and resources; an emulator (at the test clock); Arrow settings pointing at
 * it, inactive unless asked (test classes share the database and its one active record); an operator customer mapped to
 * each Arrow customer; a resource per license of the mapped customers; the jobs that sync and reconcile a month.
 *
 * <p>In a Spring test it is a JUnit extension: {@code @RegisterExtension static final ArrowFixture fixture = new
 * ArrowFixture();} builds one world for the test class, a non-static field one for each test. Faults a test switched on
 * end with the test. When the world ends its emulator stops and its settings go, with their mappings and syncs, so that
 * other test classes see no stray mappings. Beside a server of its own: {@link #on(Api, JdbcClient, EmulatorOptions)}.
 */
public final class ArrowFixture
        implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final String SETTINGS = "/api/admin/arrow/settings/";
    private static final String TRIGGERS = "/api/admin/arrow/billing-syncs/";

    private final EmulatorOptions options;
    private Api api;
    private JdbcClient jdbc;
    /** Whether the world lives in the shared test database (and so cleans up after itself). */
    private boolean shared;
    /** Whether the world lasts for the test class (a static field) rather than for one test. */
    private boolean perClass;

    private Emulator emulator;
    private String settings;
    /** Further settings records a test made through the fixture, removed with its own. */
    private final List<String> moreSettings = new ArrayList<>();
    /** Operator customer uuid by Arrow customer reference. */
    private final Map<String, String> customers = new LinkedHashMap<>();
    /** Customer mapping uuid by Arrow customer reference. */
    private final Map<String, String> mappings = new HashMap<>();
    /** Resource uuid by license reference. */
    private final Map<String, String> resources = new LinkedHashMap<>();
    /** Operator customer uuid by license reference. */
    private final Map<String, String> customerOfLicense = new HashMap<>();

    /** The demo emulator. */
    public ArrowFixture() {
        this(Emulator.options());
    }

    /** An emulator started with these options, e.g. {@code Emulator.options().withPreset(Presets.SCALE)}. */
    public ArrowFixture(EmulatorOptions options) {
        this.options = options;
    }

    /** A world on a server process the test started itself; close it when done. */
    public static ArrowFixture on(ServerProcess server, EmulatorOptions options) {
        return on(server.api(), server.jdbc(), options);
    }

    /** A world on a server the test started itself; close it when done. */
    public static ArrowFixture on(Api api, JdbcClient jdbc, EmulatorOptions options) {
        ArrowFixture fixture = new ArrowFixture(options);
        fixture.api = api;
        fixture.jdbc = jdbc;
        return fixture;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        connect(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            connect(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perClass) {
            if (emulator != null) {
                emulator.clearFaults();
            }
        } else {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void connect(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        api = Api.at(Integer.parseInt(spring.getEnvironment().getRequiredProperty("local.server.port")));
        jdbc = spring.getBean(JdbcClient.class);
        shared = true;
    }

    /** A unique name, so tests never collide in the shared database. */
    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    // The operator's side

    public String customer() {
        return customer(unique("Customer"));
    }

    public String customer(String name) {
        return api.post("/api/customers/", Map.of("name", name)).expect(201).text("uuid");
    }

    public String project(String customer) {
        return api.post("/api/projects/", Map.of("name", unique("Project"), "customer", customer))
                .expect(201)
                .text("uuid");
    }

    /** A new offering with one usage component and one plan; the answer holds both. */
    public Response offering() {
        return api.post(
                        "/api/marketplace-public-offerings/",
                        Map.of(
                                "name",
                                unique("Offering"),
                                "type",
                                "Marketplace.Basic",
                                "components",
                                List.of(Map.of(
                                        "type",
                                        "cloud_cost",
                                        "name",
                                        "Cloud Cost",
                                        "billing_type",
                                        "usage",
                                        "measured_unit",
                                        "EUR")),
                                "plans",
                                List.of(Map.of("name", "Default"))))
                .expect(201);
    }

    public String resource(String project, String offering) {
        return api.post(
                        "/api/marketplace-resources/",
                        Map.of("name", unique("Resource"), "project", project, "offering", offering))
                .expect(201)
                .text("uuid");
    }

    /** A resource linked to an Arrow license, as the syncs find it. */
    public String licensedResource(String project, String offering, String licenseReference) {
        return api.post(
                        "/api/marketplace-resources/",
                        Map.of(
                                "name",
                                unique("License " + licenseReference),
                                "project",
                                project,
                                "offering",
                                offering,
                                "attributes",
                                Map.of("arrow_license_reference", licenseReference)))
                .expect(201)
                .text("uuid");
    }

    /** A non-staff user's token. */
    public String userToken() {
        return api.post("/api/users/", Map.of("username", unique("user").replace(' ', '-'), "is_staff", false))
                .expect(201)
                .text("token");
    }

    // Arrow's side

    /**
     * Arrow is still validating {@code month} (its clock early in the next month): the month stays open to re-syncs, as
     * a month final when its sync ends is validated by that sync's job, and frozen (D68).
     */
    public void arrowStillValidates(YearMonth month) {
        emulator().setClock(TestClock.whileArrowValidates(month));
    }

    /**
     * The emulator, started on first use. Every emulator serves the same license references, and license-month claims
     * (D2) are global, as Arrow's license references are: each emulator starts from no claims, like a fresh Arrow
     * account.
     */
    public Emulator emulator() {
        if (emulator == null) {
            jdbc.sql("delete from license_billing").update();
            emulator = Emulator.start(options);
        }
        return emulator;
    }

    /**
     * Deletes the consumption records other tests left of this license's month on other resources: every emulator
     * serves the same license references, and a record of another test would hold the month's claim (D2, D165) as a
     * record of this one does.
     */
    public void forgetOtherTestsRecords(String licenseReference, YearMonth period, String resourceUuid) {
        jdbc.sql("""
                        delete from consumption_records where license_reference = ? and billing_period = ?
                          and resource_id is distinct from (select id from resources where uuid = ?::uuid)""").params(licenseReference, period.atDay(1), resourceUuid).update();
    }

    /** Settings for the emulator with the standard export template, created once. */
    public String settings() {
        return settings(ExportTemplates.ALT_REFERENCE);
    }

    /** Settings for the emulator with this export template and the sell price, created once: the first call decides. */
    public String settings(String template) {
        if (settings == null) {
            settings = api.post(
                            SETTINGS,
                            Map.of(
                                    "api_url",
                                    emulator().apiUrl(),
                                    "api_key",
                                    emulator().apiKey(),
                                    "export_type_reference",
                                    template,
                                    "invoice_price_source",
                                    "sell",
                                    "is_active",
                                    false))
                    .expect(201)
                    .text("uuid");
        }
        return settings;
    }

    /**
     * Another, inactive settings record of the same Arrow account (the emulator's URL and key) with the standard
     * template, and these fields besides; its uuid.
     */
    public String otherSettingsOfTheSameAccount(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("api_url", emulator().apiUrl());
        body.put("api_key", emulator().apiKey());
        body.putIfAbsent("export_type_reference", ExportTemplates.ALT_REFERENCE);
        body.put("is_active", false);
        String other = api.post(SETTINGS, body).expect(201).text("uuid");
        moreSettings.add(other);
        return other;
    }

    /** The settings, made the active ones: those the look-ups and the consumption status use. */
    public String activeSettings() {
        return changeSettings(Map.of("is_active", true));
    }

    private String changeSettings(Map<String, Object> fields) {
        api.patch(SETTINGS + settings() + "/", fields).expect(200);
        return settings;
    }

    /**
     * What consumption tracks: active settings with sync enabled, Arrow's first {@code arrowCustomers} customers
     * mapped, and a resource per license of theirs; resource uuids by license reference.
     */
    public Map<String, String> trackedResources(int arrowCustomers) {
        changeSettings(Map.of("is_active", true, "sync_enabled", true));
        mapCustomers(arrowCustomers);
        return licensedResources();
    }

    /** An operator customer and a mapping for every Arrow customer; operator customer uuids by Arrow reference. */
    public Map<String, String> mapAllCustomers() {
        return mapCustomers(Integer.MAX_VALUE);
    }

    /** An operator customer and a mapping for each of Arrow's first {@code count} customers, once. */
    public Map<String, String> mapCustomers(int count) {
        if (customers.isEmpty()) {
            emulator().client().customers().stream()
                    .limit(count)
                    .forEach(arrow ->
                            customers.put(arrow.reference(), mapCustomer(arrow.reference(), arrow.companyName())));
        }
        return customers();
    }

    /** The operator customers mapped so far, by Arrow reference. */
    public Map<String, String> customers() {
        return Collections.unmodifiableMap(customers);
    }

    /** A new operator customer mapped to this Arrow reference under this company name; returns its uuid. */
    public String mapCustomer(String arrowReference, String companyName) {
        String customer = customer(unique(companyName.strip()));
        String mapping = api.post(
                        "/api/admin/arrow/customer-mappings/",
                        Map.of(
                                "settings",
                                settings(),
                                "arrow_reference",
                                arrowReference,
                                "arrow_company_name",
                                companyName,
                                "waldur_customer",
                                customer))
                .expect(201)
                .text("uuid");
        mappings.put(arrowReference, mapping);
        return customer;
    }

    /**
     * Settings saved again for the emulator's account with {@code save_settings}, as the console's wizard saves them,
     * mapping each Arrow reference to its operator customer; the answer.
     */
    public JsonNode saveSettingsAgain(Map<String, String> customersByReference) {
        Map<String, Object> body = new HashMap<>();
        body.put("export_type_reference", ExportTemplates.ALT_REFERENCE);
        return saveSettings(body, customersByReference);
    }

    /**
     * Settings saved for the emulator's account with {@code save_settings} as HomePort's wizard saves them: credentials
     * and mappings, no export template; the answer.
     */
    public JsonNode saveSettingsAsHomePort(Map<String, String> customersByReference) {
        return saveSettings(new HashMap<>(), customersByReference);
    }

    private JsonNode saveSettings(Map<String, Object> body, Map<String, String> customersByReference) {
        body.put("api_url", emulator().apiUrl());
        body.put("api_key", emulator().apiKey());
        body.put(
                "customer_mappings",
                customersByReference.entrySet().stream()
                        .map(customer -> Map.of(
                                "arrow_reference", customer.getKey(), "waldur_customer_uuid", customer.getValue()))
                        .toList());
        JsonNode saved = api.post("/api/admin/arrow/settings/save_settings/", body)
                .expect(201)
                .json();
        moreSettings.add(saved.get("settings_uuid").asString());
        return saved;
    }

    /** The uuid of the mapping of this Arrow customer. */
    public String mapping(String arrowReference) {
        return mappings.get(arrowReference);
    }

    /** The license a billed line is of, as its sync item records it. */
    public String licenseOf(String lineReference) {
        return jdbc.sql("""
                        select t.license_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.arrow_line_reference = ?""")
                .params(settings(), lineReference)
                .query(String.class)
                .single();
    }

    /**
     * A price rule of the settings: the customer of the Arrow customer's mapping pays Arrow's buy price plus a markup.
     */
    public String markupRule(String arrowReference, YearMonth from, String markupPercent) {
        return api.post(
                        "/api/admin/arrow/price-rules/",
                        Map.of(
                                "settings",
                                settings(),
                                "customer_mapping",
                                mapping(arrowReference),
                                "base",
                                "buy",
                                "markup_percent",
                                markupPercent,
                                "valid_from",
                                from.toString()))
                .expect(201)
                .text("uuid");
    }

    /**
     * A resource for every license of the mapped customers, in a project of its customer: resource uuids by license
     * reference.
     */
    public Map<String, String> licensedResources() {
        if (resources.isEmpty()) {
            Map<String, String> mapped = customers.isEmpty() ? mapAllCustomers() : customers;
            String offering = offering().text("uuid");
            Map<String, String> projects = new HashMap<>();
            for (License license : emulator().client().licenses()) {
                String customer = mapped.get(license.customerReference());
                if (customer != null) {
                    String project = projects.computeIfAbsent(customer, this::project);
                    resources.put(license.reference(), licensedResource(project, offering, license.reference()));
                    customerOfLicense.put(license.reference(), customer);
                }
            }
        }
        return Collections.unmodifiableMap(resources);
    }

    /** The operator customer of a license of {@link #licensedResources()}. */
    public String customerOf(String licenseReference) {
        return customerOfLicense.get(licenseReference);
    }

    /** The first license with metered (IaaS) consumption in the month. */
    public String meteredLicense(YearMonth period) {
        return licensedResources().keySet().stream()
                .filter(license -> !emulator()
                        .client()
                        .monthlyConsumption(license, period, period)
                        .lines()
                        .isEmpty())
                .findFirst()
                .orElseThrow();
    }

    /**
     * A resource per license billed in the month's export to a mapped customer, as resource sync leaves it (license,
     * vendor and classification in its attributes, the license as backend id): resource uuids by license reference.
     */
    public Map<String, String> syncedResources(YearMonth period) {
        Map<String, String> mapped = customers.isEmpty() ? mapAllCustomers() : customers;
        String offering = offering().text("uuid");
        Map<String, String> projects = new HashMap<>();
        Map<String, String> synced = new LinkedHashMap<>();
        for (BillingLine line : emulator().exportLines(period)) {
            String customer = mapped.get("XSP" + line.customerReference());
            if (customer == null || synced.containsKey(line.licenseReference())) {
                continue;
            }
            String project = projects.computeIfAbsent(customer, this::project);
            synced.put(
                    line.licenseReference(),
                    api.post(
                                    "/api/marketplace-resources/",
                                    Map.of(
                                            "name",
                                            unique("License " + line.licenseReference()),
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
        return synced;
    }

    // Work on a month

    /** A historical consumption sync's body for one resource and one month; more fields can be put. */
    public Map<String, Object> historicalMonth(String resource, YearMonth period) {
        Map<String, Object> body = new HashMap<>();
        body.put("resource_uuid", resource);
        body.put("period_from", period.toString());
        body.put("period_to", period.toString());
        return body;
    }

    /** A trigger's body for a month of the settings; more fields can be put. */
    public Map<String, Object> period(YearMonth period) {
        return period(period, settings());
    }

    /** A trigger's body for a month of other settings; more fields can be put. */
    public Map<String, Object> period(YearMonth period, String settings) {
        Map<String, Object> body = new HashMap<>();
        body.put("year", period.getYear());
        body.put("month", period.getMonthValue());
        body.put("settings_uuid", settings);
        return body;
    }

    /** Posts a trigger of {@code /api/admin/arrow/billing-syncs/}, expects 202 and returns the finished job. */
    public JsonNode run(String trigger, Map<String, Object> body) {
        return awaitJob(api.post(TRIGGERS + trigger + "/", body));
    }

    /** Posts a trigger for a month of the settings and waits for its job, which must succeed; the finished job. */
    public JsonNode succeeded(String trigger, YearMonth period) {
        JsonNode job = run(trigger, period(period));
        assertThat(job.get("state").asString())
                .as(trigger + " of " + period + ": " + job)
                .isEqualTo("succeeded");
        return job;
    }

    public JsonNode syncBilling(YearMonth period) {
        return run("trigger_sync", period(period));
    }

    /** The month billing-synced, which must succeed; the finished job. */
    public JsonNode syncedBilling(YearMonth period) {
        return succeeded("trigger_sync", period);
    }

    public JsonNode syncConsumption(YearMonth period) {
        return run("trigger_consumption_sync", period(period));
    }

    /** Consumption's finalisation of the month ({@code trigger_reconciliation}); the finished job. */
    public JsonNode finaliseConsumption(YearMonth period, boolean force) {
        Map<String, Object> body = period(period);
        body.put("force", force);
        return run("trigger_reconciliation", body);
    }

    public JsonNode reconcileBilling(YearMonth period, boolean force) {
        Map<String, Object> body = period(period);
        body.put("force", force);
        return run("reconcile", body);
    }

    /** Waits for a queued job to finish and returns its final view. */
    public JsonNode awaitJob(Response accepted) {
        return Jobs.await(api, accepted.expect(202).text("uuid"));
    }

    /** Closes the customer's invoice of the month (state created), as an operator issuing it does. */
    public void closeInvoice(String customer, YearMonth period) {
        setInvoiceState(customer, period, "created");
    }

    /** Moves the customer's invoice of the month to {@code state} ({@code created}, {@code paid}, {@code canceled}). */
    public void setInvoiceState(String customer, YearMonth period, String state) {
        String invoice = api.get("/api/invoices/?customer_uuid=" + customer + "&year=" + period.getYear() + "&month="
                        + period.getMonthValue())
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
        api.post("/api/invoices/" + invoice + "/set_state/", Map.of("state", state))
                .expect(200);
    }

    // What Arrow and the ledger hold

    /** What the export bills an Arrow customer for a month (sell), as the emulator's ground truth says. */
    public BigDecimal exportSell(YearMonth period, String arrowReference) {
        return new BigDecimal(emulator()
                .summary(period)
                .get("customers")
                .get(arrowReference)
                .get("sell")
                .asString());
    }

    /**
     * What the export bills an Arrow customer for a month as its invoices bill it (D169): each line the billing sync
     * bills rounded to the cent, each license-month consumption tracking bills rounded as a whole.
     */
    public BigDecimal exportSellAsBilled(YearMonth period, String arrowReference) {
        return exportAsBilled(period, arrowReference, BillingLine::sellTotal);
    }

    /** {@link #exportSellAsBilled}, each line priced by {@code price} (price rules; a license-month's add up). */
    public BigDecimal exportAsBilled(YearMonth period, String arrowReference, Function<BillingLine, BigDecimal> price) {
        Set<String> byConsumption = new HashSet<>(
                jdbc.sql("select license_reference from license_billing where period = ? and billed_by = 'consumption'")
                        .param(period.toString())
                        .query(String.class)
                        .list());
        Map<String, BigDecimal> units = new HashMap<>();
        for (BillingLine line : emulator().exportLines(period)) {
            if (("XSP" + line.customerReference()).equals(arrowReference)) {
                String unit = byConsumption.contains(line.licenseReference())
                        ? line.licenseReference()
                        : "line " + line.lineReference();
                units.merge(unit, price.apply(line), BigDecimal::add);
            }
        }
        return units.values().stream()
                .map(amount -> amount.setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What a customer's items billing a month from Arrow add up to on its invoices: each rounded to the cent. */
    public BigDecimal arrowChargesAsBilled(String customer, YearMonth period) {
        return jdbc.sql("""
                        select coalesce(sum(round(it.unit_price * it.quantity, 2)), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid and it.start_date = ? and it.details ->> 'source' like 'arrow%'""")
                .params(customer, period.atDay(1))
                .query(BigDecimal.class)
                .single();
    }

    /** What a customer's items billing a month from Arrow (billing lines, consumption, corrections) add up to. */
    public BigDecimal arrowCharges(String customer, YearMonth period) {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid and it.start_date = ? and it.details ->> 'source' like 'arrow%'""")
                .params(customer, period.atDay(1))
                .query(BigDecimal.class)
                .single();
    }

    /** The line references of an Arrow customer's sync items ({@code billedVia} a SQL pattern), in order. */
    public List<String> lineReferences(String arrowReference, String billedVia) {
        return jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and m.arrow_reference = ? and t.billed_via like ? order by t.id""")
                .params(settings(), arrowReference, billedVia)
                .query(String.class)
                .list();
    }

    /**
     * Ends this world as {@link #close()} does and forgets it: what the test uses next is built anew, with an emulator
     * of its own and no license claims.
     */
    public void renew() {
        close();
        emulator = null;
        settings = null;
        customers.clear();
        mappings.clear();
        resources.clear();
        customerOfLicense.clear();
    }

    /** Stops the emulator; in the shared database, removes the settings, with their mappings and syncs. */
    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
        if (shared) {
            moreSettings.forEach(this::removeSettings);
            moreSettings.clear();
            if (settings != null) {
                removeSettings(settings);
            }
        }
    }

    /**
     * Deletes the settings with all they hold; a job of theirs the test set off may still be writing (a validation
     * after a sync), which PostgreSQL may end as a deadlock with the delete: the delete is tried again.
     */
    private void removeSettings(String uuid) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql("delete from arrow_settings where uuid = ?::uuid")
                        .param(uuid)
                        .update();
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
