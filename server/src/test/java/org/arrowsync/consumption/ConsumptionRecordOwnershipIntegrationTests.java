package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D114: a consumption record stays its settings' whatever becomes of its customer's mapping, so finalisation still
 * corrects it and no other resource records its month again. D115: a finalised license-month whose lines Arrow drops
 * from a complete export is credited. D116: a cleanup keeps a record that no run would record again. D117: a resource
 * keeps its customer while its consumption months are not finalised. D118: finalisation names a license that Arrow
 * bills to another customer than the one whose resource carries it.
 */
class ConsumptionRecordOwnershipIntegrationTests extends IntegrationTest {

    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final String RESOURCES = "/api/marketplace-resources/";
    private static final String MAPPINGS = "/api/admin/arrow/customer-mappings/";
    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicenseBilling claims;

    @Test
    void aMonthRecordedBeforeItsCustomersMappingWasDeactivatedIsStillFinalised() {
        String license = recordedLicense(1);
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal("12.5"));
        api.patch(MAPPINGS + fixture.mapping(arrowCustomerOf(license)) + "/", Map.of("is_active", false))
                .expect(200);

        // the month's records of the settings, all of that customer's, the only one mapped
        long licenses = jdbc.sql("""
                        select count(*) from consumption_records cr join arrow_settings s on s.id = cr.settings_id
                        where cr.billing_period = ? and s.uuid = ?::uuid""")
                .params(CLOSED.atDay(1), fixture.settings())
                .query(Long.class)
                .single();
        JsonNode untracked = fixture.syncConsumption(CLOSED);
        assertThat(untracked.get("progress").get("licenses_untracked").asLong())
                .as("the run says it no longer records the customer's licenses: %s", untracked)
                .isEqualTo(licenses)
                .isGreaterThan(1);
        assertThat(untracked.get("errors").toString())
                .contains(licenses + " licenses recorded earlier in " + CLOSED + " are no longer tracked (first: ")
                .contains("no active customer mapping");
        JsonNode result =
                fixture.run("trigger_reconciliation", fixture.period(CLOSED)).get("result");

        assertThat(result.get("compensation_items_created").asInt())
                .as(result.toString())
                .isEqualTo(1);
        JsonNode record = record(license);
        assertThat(record.get("is_finalized").asBoolean()).isTrue();
        assertThat(record.get("adjustment_amount").asString()).isEqualTo("12.50");
    }

    /**
     * The operator canceled the customer's invoice of the month: finalisation records Arrow's final amount, corrects
     * nothing, on it or on a later invoice, says why, and does not come back to it (D163).
     */
    @Test
    void aMonthWhoseInvoiceWasCanceledIsFinalisedWithoutACorrection() {
        String license = recordedLicense(1);
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal("12.5"));
        fixture.setInvoiceState(fixture.customerOf(license), CLOSED, "canceled");

        JsonNode run = fixture.run("trigger_reconciliation", fixture.period(CLOSED));

        assertThat(run.get("result").get("compensation_items_created").asInt())
                .as(run.toString())
                .isZero();
        assertThat(run.get("errors").toString()).contains(license).contains("was canceled (D163)");
        JsonNode record = record(license);
        assertThat(record.get("is_finalized").asBoolean()).isTrue();
        assertThat(record.get("is_reconciled").asBoolean())
                .as("nothing to come back to")
                .isTrue();
        assertThat(record.get("compensation_item_uuid").isNull()).isTrue();
    }

    /**
     * D123: the operator moves to a new settings record of the same Arrow account and stops the old one's sync: the new
     * record's finalisation takes over the month the old one recorded and corrects it.
     */
    @Test
    void aMonthRecordedByASettingsRecordNoLongerInUseIsFinalisedByTheNewRecordOfTheAccount() {
        String license = recordedLicense(1);
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal("12.5"));
        String second = fixture.otherSettingsOfTheSameAccount(Map.of("sync_enabled", true));
        api.post(
                        MAPPINGS,
                        Map.of(
                                "settings",
                                second,
                                "arrow_reference",
                                arrowCustomerOf(license),
                                "waldur_customer",
                                fixture.customerOf(license)))
                .expect(201);
        api.patch("/api/admin/arrow/settings/" + second + "/", Map.of("is_active", true))
                .expect(200);
        api.patch("/api/admin/arrow/settings/" + fixture.settings() + "/", Map.of("sync_enabled", false))
                .expect(200);
        Map<String, Object> month = fixture.period(CLOSED, second);

        JsonNode job = fixture.run("trigger_reconciliation", month);

        assertThat(job.get("result").get("compensation_items_created").asInt())
                .as(job.toString())
                .isEqualTo(1);
        JsonNode record = record(license);
        assertThat(record.get("is_finalized").asBoolean()).isTrue();
        assertThat(record.get("adjustment_amount").asString()).isEqualTo("12.50");
        assertThat(job.get("progress").get("records_adopted").asInt()).isPositive();
    }

    /**
     * D123: settings saved again for the same Arrow account (the wizard, save_settings) take over the records of the
     * customers they map as they are saved, not at their first run: until then their months read as billed nothing.
     */
    @Test
    void settingsSavedAgainForTheAccountTakeOverItsRecordsAtOnce() {
        String license = recordedLicense(1);
        String customer = arrowCustomerOf(license);
        // out of use once the new record is saved active: the record it replaces (D123)
        api.patch("/api/admin/arrow/settings/" + fixture.settings() + "/", Map.of("sync_enabled", false))
                .expect(200);

        JsonNode saved = fixture.saveSettingsAgain(Map.of(customer, fixture.customerOf(license)));

        assertThat(saved.get("message").asString()).contains("consumption record");
        assertThat(jdbc.sql("""
                        select s.uuid from consumption_records cr join arrow_settings s on s.id = cr.settings_id
                        join resources r on r.id = cr.resource_id where r.uuid = ?::uuid and cr.billing_period = ?""")
                        .params(fixture.licensedResources().get(license), CLOSED.atDay(1))
                        .query(String.class)
                        .single()
                        .replace("-", ""))
                .isEqualTo(saved.get("settings_uuid").asString());
    }

    @Test
    void aMonthRecordedForACustomerNoLongerMappedIsNotRecordedAgainOnAnotherCustomersResource() {
        String license = recordedLicense(2);
        String recordedOn = fixture.licensedResources().get(license);
        JsonNode otherResource = api.get(RESOURCES + "?page_size=1&customer_uuid=" + otherCustomer(license))
                .expect(200)
                .json()
                .get(0);
        api.patch(MAPPINGS + fixture.mapping(arrowCustomerOf(license)) + "/", Map.of("is_active", false))
                .expect(200);
        // Arrow moved the license; the operator carries it on the other customer's resource now
        String second = fixture.licensedResource(
                otherResource.get("project_uuid").asString(),
                otherResource.get("offering_uuid").asString(),
                license);

        JsonNode job = fixture.syncConsumption(CLOSED);

        assertThat(job.get("result").get("errors").toString())
                .contains("License " + license + " of " + CLOSED + " is recorded on resource")
                .contains("nothing was recorded");
        assertThat(count(RECORDS + "?resource_uuid=" + second)).isZero();
        assertThat(count(RECORDS + "?resource_uuid=" + recordedOn)).isEqualTo(1);
    }

    @Test
    void aFinalisedMonthWhoseLinesArrowDropsIsCredited() {
        Finalised finalised = finalisedLicense();
        String license = finalised.license();
        assertThat(record(license).get("is_finalized").asBoolean()).isTrue();
        String resource = finalised.resource();

        for (BillingLine line : fixture.emulator().lines(license, CLOSED)) {
            fixture.emulator().removeLine(line.lineReference());
        }
        // past the month's grace, as Arrow gives no Validation Date to a line it dropped
        JsonNode result = fixture.finaliseConsumption(CLOSED, true).get("result");

        assertThat(result.get("compensation_items_created").asInt())
                .as(result.toString())
                .isEqualTo(1);
        assertThat(new BigDecimal(record(license).get("final_sell").asString())).isZero();
        assertThat(billed(resource)).as("what the license-month bills now").isZero();
        assertThat(fixture.run("trigger_reconciliation", fixture.period(CLOSED))
                        .get("result")
                        .path("compensation_items_created")
                        .asInt())
                .as("credited once")
                .isZero();
    }

    /**
     * D224: the final export lists no line of the customer at all, while it lists other customers': its finalised
     * license-months are not credited as dropped until a forced finalisation credits them.
     */
    @Test
    void aCustomerTheFinalExportLeavesOutWholeIsCreditedOnlyByAForcedFinalisation() {
        Finalised finalised = finalisedLicense();
        String license = finalised.license();
        String resource = finalised.resource();
        BigDecimal billed = finalised.billed();
        String customer = arrowCustomerOf(license);
        fixture.emulator().exportLines(CLOSED).stream()
                .filter(line -> ("XSP" + line.customerReference()).equals(customer))
                .forEach(line -> fixture.emulator().removeLine(line.lineReference()));

        JsonNode held = fixture.run("trigger_reconciliation", fixture.period(CLOSED));

        assertThat(held.get("result").get("compensation_items_created").asInt())
                .as(held.toString())
                .isZero();
        assertThat(held.get("progress").get("customers_left_out").asInt()).isEqualTo(1);
        assertThat(held.get("errors").toString())
                .contains("lists no line of customer '")
                .contains("a forced finalisation credits them");
        assertThat(billed(resource)).as("nothing credited").isEqualByComparingTo(billed);

        JsonNode credited = fixture.finaliseConsumption(CLOSED, true);
        assertThat(credited.get("result").get("compensation_items_created").asInt())
                .as(credited.toString())
                .isPositive();
        assertThat(billed(resource)).isZero();
    }

    /**
     * D238: the settings switched to an export template without the license column, every line of the final export
     * names no license, so it tells no license-month's amount: a finalisation, forced or not, finalises nothing and
     * says why, rather than crediting every finalised license-month as dropped.
     */
    @Test
    void anExportWhoseLinesNameNoLicenseFinalisesNothing() {
        Finalised finalised = finalisedLicense();
        String license = finalised.license();
        String resource = finalised.resource();
        BigDecimal billed = finalised.billed();
        api.patch(
                        "/api/admin/arrow/settings/" + fixture.settings() + "/",
                        Map.of("export_type_reference", ExportTemplates.NO_LICENSE_REFERENCE))
                .expect(200);

        for (boolean force : List.of(false, true)) {
            JsonNode refused = fixture.finaliseConsumption(CLOSED, force);

            assertThat(refused.get("result").get("status").asString())
                    .as(refused.toString())
                    .isEqualTo("no_license_data");
            assertThat(refused.get("errors").toString())
                    .contains("lines) names a license (its template lacks the ARS Subscription ID column");
            assertThat(billed(resource)).as("nothing credited").isEqualByComparingTo(billed);
            assertThat(record(license).get("is_finalized").asBoolean()).isTrue();
        }
    }

    /** A line Arrow lists twice (the same Sequence) is finalised once, as the billing sync counts it once. */
    @Test
    void aLineArrowListsTwiceIsFinalisedOnce() {
        String license = recordedLicense(1);
        List<BillingLine> lines = fixture.emulator().lines(license, CLOSED);
        BigDecimal once = lines.stream().map(BillingLine::sellTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        fixture.emulator().repeatLine(lines.get(0).lineReference());
        assertThat(fixture.emulator().lines(license, CLOSED)).hasSize(lines.size() + 1);

        fixture.run("trigger_reconciliation", fixture.period(CLOSED));

        JsonNode record = record(license);
        assertThat(record.get("is_finalized").asBoolean()).isTrue();
        assertThat(new BigDecimal(record.get("final_sell").asString())).isEqualByComparingTo(once);
        assertThat(billed(fixture.licensedResources().get(license)).setScale(2, RoundingMode.HALF_UP))
                .as("what the license-month bills")
                .isEqualByComparingTo(once.setScale(2, RoundingMode.HALF_UP));
    }

    /** A resource's backend id is the license reference consumption tracking asks Arrow about: kept trimmed. */
    @Test
    void aLicenseReferenceGivenWithSpacesIsKeptTrimmed() {
        String license = recordedLicense(1);
        String resource = fixture.licensedResources().get(license);
        api.patch(RESOURCES + resource + "/", Map.of("backend_id", " " + license + " "))
                .expect(200);
        assertThat(api.get(RESOURCES + resource + "/").expect(200).text("backend_id"))
                .isEqualTo(license);
    }

    @Test
    void aCleanupKeepsARecordThatNoRunWouldRecordAgain() {
        String license = recordedLicense(1);
        String resource = fixture.licensedResources().get(license);
        api.patch(RESOURCES + resource + "/", Map.of("state", "Terminated")).expect(200);

        JsonNode cleanup = api.post(
                        "/api/admin/arrow/billing-syncs/cleanup_consumption/",
                        Map.of("resource_uuid", resource, "only_unfinalized", true, "dry_run", false))
                .expect(200)
                .json();

        assertThat(cleanup.get("records_deleted").asInt()).isZero();
        assertThat(cleanup.get("kept").get(0).get("reason").asString())
                .isEqualTo(ConsumptionCleanup.NOT_RECORDED_AGAIN);
        assertThat(count(RECORDS + "?resource_uuid=" + resource)).isEqualTo(1);
        assertThat(billed(resource)).as("its month stays billed").isPositive();
    }

    /**
     * A record cleaned up while a run covered its resource, which is then terminated: its claim went with it, so the
     * billing sync bills the month (its claim stayed, and nobody billed it, D165).
     */
    @Test
    void aMonthCleanedUpThenLeftByItsResourceIsBilledByTheBillingSync() {
        String license = recordedLicense(1);
        String resource = fixture.licensedResources().get(license);
        fixture.forgetOtherTestsRecords(license, CLOSED, resource);
        JsonNode cleanup = api.post(
                        "/api/admin/arrow/billing-syncs/cleanup_consumption/",
                        Map.of("resource_uuid", resource, "dry_run", false))
                .expect(200)
                .json();
        assertThat(cleanup.get("records_deleted").asInt()).isEqualTo(1);
        api.patch(RESOURCES + resource + "/", Map.of("state", "Terminated")).expect(200);

        fixture.succeeded("trigger_sync", CLOSED);

        BigDecimal arrow = arrowLinesAsBilled(license);
        assertThat(arrow).isPositive();
        assertThat(linesBilled(license)).as("the billing sync bills the month").isEqualByComparingTo(arrow);
    }

    /**
     * As above, but the billing sync had recorded the month's lines as consumption tracking's before the cleanup let
     * the month go: reconciliation bills them (nobody did, D177), once, and a second reconciliation books nothing.
     */
    @Test
    void aMonthCleanedUpAfterTheBillingSyncRecordedItsLinesIsBilledByReconciliation() {
        String license = recordedLicense(1);
        String resource = fixture.licensedResources().get(license);
        fixture.forgetOtherTestsRecords(license, CLOSED, resource);
        fixture.succeeded("trigger_sync", CLOSED);
        assertThat(api.post(
                                "/api/admin/arrow/billing-syncs/cleanup_consumption/",
                                Map.of("resource_uuid", resource, "dry_run", false))
                        .expect(200)
                        .json()
                        .get("records_deleted")
                        .asInt())
                .isEqualTo(1);
        api.patch(RESOURCES + resource + "/", Map.of("state", "Terminated")).expect(200);
        fixture.succeeded("trigger_sync", CLOSED);

        JsonNode reconciled = fixture.reconcileBilling(CLOSED, true);
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("succeeded");
        BigDecimal arrow = arrowLinesAsBilled(license);
        assertThat(arrow).isPositive();
        assertThat(linesBilled(license))
                .as("reconciliation bills the lines nobody bills")
                .isEqualByComparingTo(arrow);
        assertThat(claims.owners(List.of(license), CLOSED))
                .as("the month is the billing sync's now: consumption tracking cannot bill it again")
                .isEqualTo(Map.of(license, BillingPath.BILLING));

        fixture.reconcileBilling(CLOSED, true);
        assertThat(linesBilled(license)).as("once").isEqualByComparingTo(arrow);
    }

    /** What Arrow's lines of the license bill for the month, each rounded as its invoice bills it (D169). */
    private BigDecimal arrowLinesAsBilled(String license) {
        return fixture.emulator().exportLines(CLOSED).stream()
                .filter(line -> license.equals(line.licenseReference()))
                .map(line -> line.sellTotal().setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the month's lines of the license bill their customer through the billing sync: items and corrections. */
    private BigDecimal linesBilled(String license) {
        return jdbc.sql("""
                        select coalesce(sum(round(t.invoiced, 2) + t.compensated), 0) from billing_sync_items t
                        join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id
                        join customers c on c.id = m.customer_id
                        where c.uuid = ?::uuid and t.license_reference = ? and b.report_period = ?""")
                .params(fixture.customerOf(license), license, CLOSED.toString())
                .query(BigDecimal.class)
                .single();
    }

    @Test
    void aResourceOrProjectKeepsItsCustomerUntilItsConsumptionMonthsAreFinalised() {
        String license = recordedLicense(2);
        String resource = fixture.licensedResources().get(license);
        String owner = fixture.customerOf(license);
        String other = otherCustomer(license);
        String elsewhere = fixture.project(other);
        String project = api.get(RESOURCES + resource + "/").expect(200).text("project_uuid");

        assertThat(api.patch(RESOURCES + resource + "/", Map.of("project", elsewhere))
                        .expect(409)
                        .text("error"))
                .contains("not finalised yet (" + CLOSED + ")");
        assertThat(api.patch("/api/projects/" + project + "/", Map.of("customer", other))
                        .expect(409)
                        .text("error"))
                .contains("A resource of this project has Arrow consumption");
        assertThat(api.get(RESOURCES + resource + "/").expect(200).text("customer_uuid"))
                .isEqualTo(owner);
        api.patch(RESOURCES + resource + "/", Map.of("name", "Renamed in place"))
                .expect(200);

        fixture.run("trigger_reconciliation", fixture.period(CLOSED));
        api.patch(RESOURCES + resource + "/", Map.of("project", elsewhere)).expect(200);
        assertThat(api.get(RESOURCES + resource + "/").expect(200).text("customer_uuid"))
                .isEqualTo(other);

        // D161: Arrow corrects the month after the move; the month is still the first customer's
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal("-3"));
        JsonNode run = fixture.run("trigger_reconciliation", fixture.period(CLOSED));
        assertThat(run.get("result").get("compensation_items_created").asInt())
                .as(run.toString())
                .isEqualTo(1);
        JsonNode record = record(license);
        assertThat(record.get("customer_uuid").asString()).isEqualTo(owner);
        JsonNode correction = api.get("/api/invoice-items/"
                        + record.get("compensation_item_uuid").asString() + "/")
                .expect(200)
                .json();
        assertThat(correction.get("customer_uuid").asString())
                .as("booked for the customer billed for the month, not the resource's customer now")
                .isEqualTo(owner);
        String lines = "/api/admin/arrow/reports/lines/?format=csv&period=" + CLOSED + "&customer_uuid=";
        assertThat(api.get(lines + owner).expect(200).body()).contains(license);
        assertThat(api.get(lines + other).expect(200).body()).doesNotContain(license);
    }

    @Test
    void aLicenseArrowBillsToAnotherCustomerThanItsResourcesIsNamedBySyncAndFinalisation() {
        fixture.trackedResources(2);
        String license = fixture.meteredLicense(CLOSED);
        String resource = fixture.licensedResources().get(license);
        // the operator carries the license on the wrong customer's resource before its month is recorded
        api.patch(RESOURCES + resource + "/", Map.of("project", fixture.project(otherCustomer(license))))
                .expect(200);
        fixture.syncConsumption(CLOSED);

        String synced = fixture.syncedBilling(CLOSED).get("errors").toString();
        assertThat(synced)
                .contains("Arrow bills license " + license + " of " + CLOSED + " to " + arrowCustomerOf(license))
                .contains("but consumption tracking bills it on a resource of another customer");
        assertThat(synced.split("\\(D118\\)", -1)).as(synced).hasSize(2);
        JsonNode result =
                fixture.run("trigger_reconciliation", fixture.period(CLOSED)).get("result");

        String errors = result.get("errors").toString();
        assertThat(errors)
                .contains("Arrow bills license " + license + " of " + CLOSED + " to " + arrowCustomerOf(license))
                .contains("but consumption tracking billed it to customer");
        assertThat(errors.split("\\(D118\\)", -1))
                .as("only that license, of all the two customers' licenses: " + errors)
                .hasSize(2);
        assertThat(record(license).get("is_finalized").asBoolean()).isTrue();
    }

    /** D160: an export that lists the month before's lines too finalises a license's month from its own lines. */
    @Test
    void aMonthIsFinalisedFromItsOwnLinesWhenTheExportListsTheMonthBeforeToo() {
        String license = recordedLicense(1);
        BigDecimal own = fixture.emulator().lines(license, CLOSED).stream()
                .map(BillingLine::sellTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"month_before_too\",\"probability\":1}");
        JsonNode run = fixture.run("trigger_reconciliation", fixture.period(CLOSED));
        fixture.emulator().clearFaults();

        assertThat(run.get("progress").path("invalid_lines").asInt())
                .as(run.toString())
                .isPositive();
        assertThat(run.toString()).contains("(D160)");
        JsonNode record = record(license);
        assertThat(record.get("is_finalized").asBoolean()).isTrue();
        assertThat(new BigDecimal(record.get("final_sell").asString()))
                .as("the month's own lines, not the month before's as well")
                .isEqualByComparingTo(own);
    }

    /**
     * Consumption tracked for Arrow's first {@code customers} customers and recorded for the closed month: a license
     * with metered consumption in it.
     */
    private String recordedLicense(int customers) {
        fixture.trackedResources(customers);
        String license = fixture.meteredLicense(CLOSED);
        fixture.syncConsumption(CLOSED);
        return license;
    }

    /** A license recorded for the closed month, the month reconciled, and what its resource's items bill then. */
    private Finalised finalisedLicense() {
        String license = recordedLicense(1);
        fixture.run("trigger_reconciliation", fixture.period(CLOSED));
        String resource = fixture.licensedResources().get(license);
        BigDecimal billed = billed(resource);
        assertThat(billed).as("billed once reconciled").isPositive();
        return new Finalised(license, resource, billed);
    }

    private record Finalised(String license, String resource, BigDecimal billed) {}

    /** The Arrow reference of the customer whose resource carries the license. */
    private String arrowCustomerOf(String license) {
        return fixture.customers().entrySet().stream()
                .filter(entry -> entry.getValue().equals(fixture.customerOf(license)))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    /** A mapped operator customer other than the license's. */
    private String otherCustomer(String license) {
        return fixture.customers().values().stream()
                .filter(customer -> !customer.equals(fixture.customerOf(license)))
                .findFirst()
                .orElseThrow();
    }

    /** The month's record of the license on the resource the fixture made for it. */
    private JsonNode record(String license) {
        return api.get(RECORDS + "?resource_uuid=" + fixture.licensedResources().get(license) + "&billing_period="
                        + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
    }

    /** What the resource's items bill, each rounded to the cent as its invoice bills it. */
    private BigDecimal billed(String resource) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : api.get("/api/invoice-items/?page_size=100&resource_uuid=" + resource)
                .expect(200)
                .json()) {
            total = total.add(new BigDecimal(item.get("unit_price").asString())
                    .multiply(new BigDecimal(item.get("quantity").asString()))
                    .setScale(2, RoundingMode.HALF_UP));
        }
        return total;
    }

    private long count(String list) {
        return Long.parseLong(api.get(list).expect(200).header("X-Result-Count"));
    }
}
