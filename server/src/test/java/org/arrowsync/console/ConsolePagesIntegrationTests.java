package org.arrowsync.console;

import static org.arrowsync.console.ConsoleSession.csrfOf;
import static org.arrowsync.console.ConsoleSession.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** What the console's pages refuse and keep, said in words. */
class ConsolePagesIntegrationTests extends ConsoleIntegrationTest {

    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void theDefaultCleanupKeepsAFinalisedRecordAndSaysWhyInWords() {
        fixture.trackedResources(1);
        fixture.syncConsumption(CLOSED);
        fixture.run("trigger_reconciliation", fixture.period(CLOSED));
        String resource = fixture.licensedResources().get(fixture.meteredLicense(CLOSED));
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/consumption").body());

        HttpResponse<String> deleted = browser.post(
                "/consumption/cleanup",
                form(
                        "_csrf",
                        token,
                        "period_from",
                        CLOSED.toString(),
                        "period_to",
                        CLOSED.toString(),
                        "resource_uuid",
                        resource,
                        "only",
                        "",
                        "delete",
                        "true",
                        "confirmed",
                        "true"));
        assertThat(deleted.statusCode())
                .as("posted without JavaScript (its question answered): the whole page")
                .isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/consumption"));
        assertThat(browser.get("/consumption").body())
                .contains("0 records deleted")
                .contains("kept, ")
                .contains("finalised: its item bills the final amount Arrow gave");
    }

    /**
     * A form that deletes, sent without JavaScript (whose question it did not ask), deleted at once: it is asked on a
     * page first, with the same form to send again confirmed, and nothing is done or recorded until then.
     */
    @Test
    void aDeleteSentWithoutItsQuestionIsAskedFirst() {
        JsonNode rule = api.post(
                        "/api/admin/arrow/price-rules/",
                        Map.of(
                                "settings",
                                fixture.settings(),
                                "base",
                                "buy",
                                "markup_percent",
                                "10",
                                "valid_from",
                                CLOSED.toString()))
                .expect(201)
                .json();
        String uuid = rule.get("uuid").asString();
        ConsoleSession browser = signedIn();
        String page = "/price-rules/" + uuid;
        String token = csrfOf(browser.get(page).body());
        int audited = audited(uuid);

        HttpResponse<String> asked = browser.post(page + "/delete", form("_csrf", token, "month", CLOSED.toString()));

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(words(asked.body()))
                .contains("Delete this price rule? Closed invoices keep their prices")
                .contains("Nothing has been done yet.");
        assertThat(asked.body())
                .contains("action=\"" + page + "/delete\"")
                .contains("name=\"month\" value=\"" + CLOSED + "\"")
                .contains("name=\"confirmed\" value=\"true\"")
                .contains(">Delete the price rule</button>");
        api.get("/api/admin/arrow/price-rules/" + uuid + "/").expect(200);
        assertThat(audited(uuid)).as("nothing done, nothing recorded").isEqualTo(audited);

        HttpResponse<String> deleted = browser.post(
                page + "/delete", form("_csrf", csrfOf(asked.body()), "month", CLOSED.toString(), "confirmed", "true"));

        assertThat(deleted.statusCode()).isEqualTo(302);
        api.get("/api/admin/arrow/price-rules/" + uuid + "/").expect(404);
        assertThat(audited(uuid)).isEqualTo(audited + 1);
    }

    private int audited(String target) {
        return api.get("/api/admin/audit-log/?page_size=300")
                .expect(200)
                .json()
                .valueStream()
                .filter(entry -> entry.toString().contains(target))
                .toList()
                .size();
    }

    /** Before any line of the account is synced, the vendor field suggests the vendors of Arrow's catalog. */
    @Test
    void theVendorStepOfANewAccountSuggestsArrowsCatalog() {
        String page =
                signedIn().get("/setup/" + fixture.settings() + "/vendors").body();
        assertThat(page).contains("<datalist id=\"vendor-choices\">").contains("<option value=\"Microsoft\">");
    }

    /**
     * The mappings list names each mapping's settings record, and the months and margins pages each record, told apart
     * from the others of the same partner: a wizard saved again leaves the earlier ones listed.
     */
    @Test
    void thePagesTellTheSettingsRecordsOfOnePartnerApart() {
        fixture.mapCustomers(1);
        fixture.syncedBilling(CLOSED);
        fixture.otherSettingsOfTheSameAccount(Map.of());
        ConsoleSession browser = signedIn();

        String mappings = browser.get("/mappings").body();
        assertThat(mappings).contains("/settings/" + fixture.settings() + "\"").contains(" (inactive, saved ");
        for (String page : List.of("/months", "/margins?settings=" + fixture.settings() + "&month=" + CLOSED)) {
            assertThat(browser.get(page).body())
                    .as(page)
                    .containsPattern(" \\(inactive, saved [-0-9]+ [:0-9]{8} UTC\\)");
        }
        assertThat(browser.get("/settings").body()).contains("<th scope=\"col\">Saved</th>");
    }

    /** A cleanup that deleted records loads the page again, whose tables would still list them, with its result. */
    @Test
    void aCleanupThatDeletedRecordsLoadsThePageAgainWithItsResult() {
        fixture.trackedResources(1);
        fixture.syncConsumption(CLOSED);
        String resource = fixture.licensedResources().get(fixture.meteredLicense(CLOSED));
        ConsoleSession browser = signedIn();
        HttpResponse<String> unnamed = browser.postAsHtmx(
                "/consumption", "/consumption/cleanup", "period_from", CLOSED.toString(), "resource_uuid", resource);
        assertThat(unnamed.body())
                .as("a form sent without its Delete button counts, as the API's dry run does")
                .contains("Nothing was written.");

        HttpResponse<String> deleted = browser.postAsHtmx(
                "/consumption",
                "/consumption/cleanup",
                "period_from",
                CLOSED.toString(),
                "period_to",
                CLOSED.toString(),
                "resource_uuid",
                resource,
                "only",
                "",
                "delete",
                "true",
                "confirmed",
                "true",
                "settings",
                fixture.settings());

        String page = "/consumption?settings=" + fixture.settings();
        assertThat(deleted.headers().firstValue("HX-Redirect"))
                .as("back to the page of the settings record it showed")
                .hasValue(page);
        assertThat(browser.get(page).body()).contains("1 record deleted (1 provisional invoice item); 0 kept.");
        assertThat(browser.get(page).body()).as("shown once").doesNotContain("record deleted");
    }

    /**
     * The wizard run again with the credentials of earlier settings offers their mappings ticked, for the customers
     * they map, where it showed them disabled and the new settings were saved without them.
     */
    @Test
    void theWizardAgainWithTheSameCredentialsCarriesTheAccountsMappingsOver() {
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        String customer = fixture.customers().get(reference);
        ConsoleSession browser = signedIn();
        throughTheWizardsCredentials(browser);

        String page = browser.get("/setup/customers").body();

        String row = page.substring(page.indexOf("value=\"" + reference + "\" id=\"accept-"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row)
                .containsPattern("^value=\"" + reference + "\" id=\"accept-\\d+\"\\s+checked=\"checked\">")
                .contains("mapped by these credentials before: carried over")
                .contains("value=\"" + customer + "\"")
                .doesNotContain("disabled");
        String name = api.get("/api/customers/" + customer + "/").expect(200).text("name");
        assertThat(words(row)).as("the customer it bills, by name").contains(name + " (mapped before)");

        // D303: saved again with the customer mapped elsewhere, the newer record speaks, not the one it replaced
        String elsewhere = fixture.customer("Mapped elsewhere " + ArrowFixture.unique("c"));
        fixture.saveSettingsAgain(Map.of(reference, elsewhere));
        throughTheWizardsCredentials(browser);
        String again = browser.get("/setup/customers").body();
        String moved = again.substring(again.indexOf("value=\"" + reference + "\" id=\"accept-"));
        assertThat(moved.substring(0, moved.indexOf("</tr>")))
                .contains("value=\"" + elsewhere + "\"")
                .doesNotContain("value=\"" + customer + "\"");
    }

    /** The wizard offers no export template a billing sync cannot read, and says which columns it lacks. */
    @Test
    void theWizardOffersNoTemplateWithoutTheColumnsABillingSyncNeeds() {
        ConsoleSession browser = signedIn();
        throughTheWizardsCredentials(browser);

        String page = browser.get("/setup/customers").body();

        String thin = page.substring(page.indexOf("value=\"" + ExportTemplates.THIN_REFERENCE + "\""));
        thin = thin.substring(0, thin.indexOf("</label>"));
        assertThat(thin).contains("disabled").contains("missing columns").contains("a billing sync needs ");
        String standard = page.substring(page.indexOf("value=\"" + ExportTemplates.ALT_REFERENCE + "\""));
        assertThat(standard.substring(0, standard.indexOf("</label>"))).doesNotContain("disabled");
    }

    /**
     * The wizard's customers step refuses a ticked row whose operator customer is not one: the rows come back as typed
     * and ticked, the refusal under the row's field, and nothing is saved.
     */
    @Test
    void theWizardKeepsARefusedCustomerAsTyped() {
        ConsoleSession browser = signedIn();
        String token = throughTheWizardsCredentials(browser);
        String reference = fixture.emulator().client().customers().get(0).reference();
        int settingsBefore =
                api.get("/api/admin/arrow/settings/").expect(200).json().size();

        HttpResponse<String> refused = browser.post(
                "/setup/save",
                form("_csrf", token, "accept", reference, "arrow_reference", reference, "waldur_customer", "bogus"));

        assertThat(refused.statusCode()).isEqualTo(200);
        String page = refused.body();
        String row = page.substring(page.indexOf("value=\"" + reference + "\" id=\"accept-"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(page).contains("Nothing was saved: correct or untick the customers marked below.");
        assertThat(labels(page)).as("each row's field named for its customer").doesNotHaveDuplicates();
        assertThat(row)
                .contains("checked=\"checked\"")
                .contains("value=\"bogus\"")
                .contains("aria-invalid=\"true\"")
                .contains("No customer is named &quot;bogus&quot;: pick one from the list.");
        assertThat(api.get("/api/admin/arrow/settings/").expect(200).json().size())
                .as("nothing saved")
                .isEqualTo(settingsBefore);

        String unchosen = browser.post(
                        "/setup/save",
                        form("_csrf", token, "accept", reference, "arrow_reference", reference, "waldur_customer", ""))
                .body();
        assertThat(unchosen)
                .as("a ticked row without its customer is not left out unsaid")
                .contains("Choose the operator customer to map it to, or untick it.");
        assertThat(api.get("/api/admin/arrow/settings/").expect(200).json().size())
                .isEqualTo(settingsBefore);
    }

    /** The wizard's first step passed with the emulator's credentials; the session's CSRF token. */
    private String throughTheWizardsCredentials(ConsoleSession browser) {
        String token = csrfOf(browser.get("/setup").body());
        browser.post(
                "/setup/credentials",
                form(
                        "_csrf",
                        token,
                        "api_url",
                        fixture.emulator().apiUrl(),
                        "api_key",
                        fixture.emulator().apiKey()));
        return token;
    }

    /** A mapping's recent syncs name their state in words, not by the code the API writes. */
    @Test
    void aMappingsRecentSyncsNameTheirState() {
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        fixture.syncedBilling(CLOSED);
        ConsoleSession browser = signedIn();

        String page = browser.get("/mappings/" + fixture.mapping(reference)).body();

        String recent = page.substring(page.indexOf("Recent billing syncs"));
        assertThat(recent).containsPattern("<span class=\"state (Synced|Validated)\">(Synced|Validated)</span>");
        assertThat(recent).doesNotContainPattern("<td>[1-4]</td>");
    }

    /** D100: pointing a synced mapping at another customer says which months stay with the first one. */
    @Test
    void aMappingPointedAtAnotherCustomerSaysWhatStaysWithTheFirst() {
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        fixture.syncedBilling(CLOSED);
        String other = fixture.customer("Moved to " + ArrowFixture.unique("c"));
        String mapping = fixture.mapping(reference);
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/mappings/" + mapping).body());

        HttpResponse<String> saved = browser.postFollowing(
                "/mappings/" + mapping,
                form("_csrf", token, "arrow_company_name", "Renamed", "waldur_customer", other, "is_active", "on"));

        assertThat(words(saved.body()))
                .contains("Mapping saved. A month it has no billing sync of yet bills Moved to")
                .containsPattern("its \\d+ billing syncs? so far stay with the customers they billed, new lines and"
                        + " corrections included");
    }

    /** D310: the address an accept without JavaScript leaves, opened again, leads back to discovery. */
    @Test
    void anAcceptsAddressOpenedAgainLeadsToDiscovery() {
        ConsoleSession browser = signedIn();
        for (String address : List.of("/mappings/accept", "/mappings/accept-all")) {
            HttpResponse<String> opened = browser.get(address);
            assertThat(opened.statusCode()).as(address).isEqualTo(302);
            assertThat(opened.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/mappings/discover"));
        }
    }

    /**
     * D306: a mapping's customer and the invoices' customer filter are fields that take a name, not a choice of the
     * first 300 customers: the mapping page shows its customer by name, saved unchanged it stays, and the invoices are
     * filtered by a name typed.
     */
    @Test
    void aMappingsCustomerAndTheInvoicesFilterAreNamesNotAChoiceOfTheFirstCustomers() {
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        fixture.syncedBilling(CLOSED);
        String customer = fixture.customers().get(reference);
        String name = api.get("/api/customers/" + customer + "/").expect(200).text("name");
        String mapping = fixture.mapping(reference);
        ConsoleSession browser = signedIn();
        String page = browser.get("/mappings/" + mapping).body();
        assertThat(page).contains("name=\"waldur_customer\" type=\"text\"").contains("value=\"" + name + "\"");

        HttpResponse<String> saved = browser.post(
                "/mappings/" + mapping,
                form(
                        "_csrf",
                        csrfOf(page),
                        "arrow_company_name",
                        "Unchanged",
                        "waldur_customer",
                        name,
                        "is_active",
                        "on"));
        assertThat(saved.statusCode()).as("saved as it was").isEqualTo(302);
        assertThat(api.get("/api/admin/arrow/customer-mappings/" + mapping + "/")
                        .expect(200)
                        .text("waldur_customer_uuid"))
                .isEqualTo(customer);

        String invoices = browser.get("/invoices?customer=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .body();
        assertThat(invoices).contains("value=\"" + name + "\"").contains(">" + name + "</a>");
        HttpResponse<String> unknown =
                browser.get("/invoices?customer=" + URLEncoder.encode("No such customer", StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body())
                .as("refused beside the field, as typed, the filters kept")
                .contains("id=\"customer-error\"")
                .contains("No customer is named &quot;No such customer&quot;")
                .contains("value=\"No such customer\"");
    }

    /**
     * A link is made as Waldur makes it, unchecked, and then says what to check: a license another resource carries
     * too, and one Arrow does not list for the customer.
     */
    @Test
    void aLinkSaysWhatToCheck() {
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        String customer = fixture.customers().get(reference);
        String license = fixture.emulator().client().licenses().stream()
                .filter(l -> l.customerReference().equals(reference))
                .findFirst()
                .orElseThrow()
                .reference();
        String project = fixture.project(customer);
        String offering = fixture.offering().text("uuid");
        String first = fixture.licensedResource(project, offering, license);
        String second = fixture.resource(project, offering);
        String mapping = fixture.mapping(reference);
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/mappings/" + mapping + "/licenses").body());

        String twice = browser.postFollowing(
                        "/mappings/" + mapping + "/link",
                        form("_csrf", token, "resource_uuid", second, "license_reference", license))
                .body();
        String unknown = browser.postFollowing(
                        "/mappings/" + mapping + "/link",
                        form("_csrf", token, "resource_uuid", second, "license_reference", "XSP-NOT-ARROWS"))
                .body();

        String firstName =
                api.get("/api/marketplace-resources/" + first + "/").expect(200).text("name");
        assertThat(twice)
                .contains("to license " + license + ".")
                .contains("Check: " + firstName + " carries license " + license + " too")
                .doesNotContain("Arrow lists no license");
        assertThat(unknown)
                .contains("to license XSP-NOT-ARROWS.")
                .contains("Check: Arrow lists no license XSP-NOT-ARROWS for this customer.");
    }

    /** An import of a license imported already is refused beside its field, the form kept as typed. */
    @Test
    void anImportOfAnImportedLicenseIsRefusedBesideItsField() {
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        String project = fixture.project(fixture.customers().get(reference));
        String offering = fixture.offering().text("uuid");
        String mapping = fixture.mapping(reference);
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/mappings/" + mapping + "/licenses").body());
        String[] fields = {
            "_csrf", token, "license_reference", "XSP-IMPORTED", "offering_uuid", offering, "project_uuid", project
        };
        browser.post("/mappings/" + mapping + "/import", form(fields));

        HttpResponse<String> refused = browser.post("/mappings/" + mapping + "/import", form(fields));

        assertThat(refused.statusCode()).isEqualTo(200);
        String importForm = refused.body().substring(refused.body().indexOf("id=\"import-license\""));
        assertThat(importForm)
                .startsWith("id=\"import-license\" name=\"license_reference\" type=\"text\" list=\"license-choices\""
                        + " value=\"XSP-IMPORTED\"")
                .contains("License XSP-IMPORTED has already been imported.");
    }

    /** A refused import comes back as it was filled in, its errors beside it and not beside the link form. */
    @Test
    void aRefusedImportKeepsWhatWasTypedIn() {
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        String mapping = fixture.mapping(reference);
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/mappings/" + mapping + "/licenses").body());

        HttpResponse<String> refused = browser.post(
                "/mappings/" + mapping + "/import",
                form("_csrf", token, "license_reference", "XSP-TYPED-IN", "license_name", "Typed <name>"));

        assertThat(refused.statusCode()).isEqualTo(200);
        String page = refused.body();
        assertThat(page)
                .contains("id=\"import-license\" name=\"license_reference\" type=\"text\" list=\"license-choices\""
                        + " value=\"XSP-TYPED-IN\"")
                .contains("id=\"import-name\" name=\"license_name\" type=\"text\" value=\"Typed &lt;name&gt;\"")
                .contains("offering_uuid-error");
        assertThat(page.substring(page.indexOf("id=\"link-license\""), page.indexOf("id=\"import-license\"")))
                .doesNotContain("XSP-TYPED-IN")
                .doesNotContain("-error\"");

        String tooLong = browser.post(
                        "/mappings/" + mapping + "/import",
                        form(
                                "_csrf",
                                token,
                                "license_reference",
                                "XSP-TYPED-IN",
                                "license_name",
                                "n".repeat(300),
                                "offering_uuid",
                                fixture.offering().text("uuid"),
                                "project_uuid",
                                fixture.project(fixture.customers().get(reference))))
                .body();
        assertThat(tooLong)
                .as("a name too long is refused beside its field")
                .contains("id=\"license_name-error\"")
                .contains("Ensure this field has no more than 150 characters.");
    }

    /** Accepting from Arrow's list a customer whose mapping was deactivated switches that mapping on again. */
    @Test
    void acceptingACustomerWhoseMappingWasDeactivatedSwitchesItOnAgain() {
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        String mapping = "/api/admin/arrow/customer-mappings/" + fixture.mapping(reference) + "/";
        api.patch(mapping, Map.of("is_active", false)).expect(200);
        String chosen = fixture.customer();
        HttpResponse<String> accepted = accept(reference, "Accepted again", chosen);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).doesNotContain("unique set");
        JsonNode after = api.get(mapping).expect(200).json();
        assertThat(after.get("is_active").asBoolean()).isTrue();
        assertThat(after.get("waldur_customer_uuid").asString()).isEqualTo(chosen);
        assertThat(after.get("arrow_company_name").asString()).isEqualTo("Accepted again");
    }

    /** A sync is shown under its own month only: under another, its breadcrumb would name the wrong month. */
    @Test
    void aSyncOpenedUnderAnotherMonthIsNotFound() {
        fixture.mapCustomers(1);
        YearMonth month = TestClock.closedMonth();
        fixture.succeeded("trigger_sync", month);
        String sync = api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + fixture.settings())
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
        ConsoleSession browser = signedIn();
        String months = "/months/" + fixture.settings() + "/";

        assertThat(browser.get(months + month + "/syncs/" + sync).statusCode()).isEqualTo(200);
        assertThat(browser.get(months + month.minusMonths(1) + "/syncs/" + sync).statusCode())
                .isEqualTo(404);
    }

    /** "Accept every row" keeps a company name whole, commas and all, when one row is left to accept. */
    @Test
    void acceptingEveryRowKeepsACompanyNameWithACommaWhole() {
        String chosen = fixture.customer();
        HttpResponse<String> accepted = signedIn()
                .postAsHtmx(
                        "/mappings",
                        "/mappings/accept-all",
                        "settings_uuid",
                        fixture.settings(),
                        "arrow_reference",
                        "XSP700005",
                        "arrow_company_name",
                        "Tailspin Toys, Inc.",
                        "waldur_customer",
                        chosen);

        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/admin/arrow/customer-mappings/?arrow_reference=XSP700005&settings_uuid="
                                + fixture.settings())
                        .expect(200)
                        .json()
                        .get(0)
                        .get("arrow_company_name")
                        .asString())
                .isEqualTo("Tailspin Toys, Inc.");
    }

    /**
     * Without JavaScript a row's Accept posts the whole list, naming its row: that row alone is mapped, and the page
     * says so; a list posted with no customer chosen says nothing was mapped.
     */
    @Test
    void withoutJavaScriptARowsAcceptMapsThatRowAlone() {
        String first = fixture.customer();
        String second = fixture.customer();
        String list = "settings_uuid=" + fixture.settings()
                + "&arrow_reference=XSP-NOJS-A&arrow_company_name=Row+A&waldur_customer=" + first
                + "&arrow_reference=XSP-NOJS-B&arrow_company_name=Row+B+Co.&waldur_customer=" + second;
        ConsoleSession browser = signedIn();
        HttpResponse<String> unnamed =
                browser.postBody("/mappings/discover", "/mappings/accept", "application/x-www-form-urlencoded", list);
        assertThat(unnamed.statusCode()).as("a row's Accept names its row").isEqualTo(400);
        assertThat(unnamed.body()).contains("Name one Arrow customer of the list to map.");

        HttpResponse<String> accepted = browser.postBody(
                "/mappings/discover",
                "/mappings/accept",
                "application/x-www-form-urlencoded",
                list + "&only=XSP-NOJS-B");

        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(mappingsOf("XSP-NOJS-A")).isEmpty();
        assertThat(mappingsOf("XSP-NOJS-B"))
                .singleElement()
                .satisfies(mapping -> assertThat(
                                mapping.get("waldur_customer_uuid").asString())
                        .isEqualTo(second));
        assertThat(browser.get("/mappings/discover").body())
                .contains("Mapped Row B Co. to ")
                .doesNotContain("Co..");

        HttpResponse<String> nothing = browser.postBody(
                "/mappings/discover",
                "/mappings/accept-all",
                "application/x-www-form-urlencoded",
                "settings_uuid=" + fixture.settings()
                        + "&arrow_reference=XSP-NOJS-C&arrow_company_name=C&waldur_customer=");
        assertThat(nothing.statusCode()).isEqualTo(302);
        assertThat(browser.get("/mappings").body()).contains("nothing was mapped");
    }

    private JsonNode mappingsOf(String arrowReference) {
        return api.get("/api/admin/arrow/customer-mappings/?arrow_reference=" + arrowReference + "&settings_uuid="
                        + fixture.settings())
                .expect(200)
                .json();
    }

    /** Without JavaScript, "Show lines" loads the month with that sync's changed lines in place, and hides them. */
    @Test
    void withoutJavaScriptShowLinesLoadsTheMonthWithTheSyncsLinesInPlace() {
        fixture.arrowStillValidates(CLOSED);
        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        fixture.syncedBilling(CLOSED);
        String line = fixture.lineReferences(reference, "invoice").get(0);
        fixture.emulator().changeSell(line, "321.00000");
        fixture.syncedBilling(CLOSED);
        ConsoleSession browser = signedIn();

        String month =
                browser.get("/months/" + fixture.settings() + "/" + CLOSED).body();
        Matcher show = Pattern.compile("<a class=\"link\" href=\"([^\"#]+)#[^\"]*\"[^>]*>Show lines</a>")
                .matcher(month);
        assertThat(show.find()).as(month).isTrue();
        assertThat(month).doesNotContain(">" + line + "<");

        String shown = browser.get(show.group(1).replace("&amp;", "&")).body();
        assertThat(shown).contains(">" + line + "<", ">Hide lines</a>", "321.00");
    }

    /** Arrow's customers not mapped yet are listed each in a row of its own, with the customer suggested for it. */
    /**
     * The month page names one sync's error and counts the others, each of which its row says: it named one and read as
     * if no other sync had anything to say.
     */
    @Test
    void aMonthCountsEverySyncThatSaysWhatWentWrong() {
        fixture.arrowStillValidates(CLOSED);
        Map<String, String> customers = fixture.mapCustomers(3);
        fixture.syncedBilling(CLOSED);
        for (String arrowReference : customers.keySet()) {
            fixture.emulator()
                    .garble(fixture.lineReferences(arrowReference, "%").get(0), true);
        }
        fixture.syncBilling(CLOSED);

        String page = monthPage();

        assertThat(page).contains("id=\"month-errors\"").contains("2 other syncs say what went wrong as well");
    }

    /**
     * A first sync that fails keeps no sync to carry its error: the month page names the failed job and its reason,
     * where it read "not synced · Last sync: never" as if nobody had tried, and drops it once a later sync succeeds.
     */
    @Test
    void aFirstSyncThatFailedShowsOnTheMonthPageWithItsReason() {
        fixture.arrowStillValidates(CLOSED);
        fixture.mapCustomers(1);
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"no_price_columns\",\"probability\":1}");
        JsonNode failed = fixture.syncBilling(CLOSED);
        assertThat(failed.get("state").asString()).isEqualTo("failed");

        String page = monthPage();

        assertThat(page).contains("not synced").contains("id=\"month-jobs\"");
        assertThat(words(page))
                .contains("billing_sync " + CLOSED + " failed")
                .contains("None of Arrow's")
                .contains("nothing was billed");
        assertThat(page).contains("/jobs/" + failed.get("uuid").asString());

        fixture.emulator().clearFaults();
        assertThat(fixture.syncBilling(CLOSED).get("state").asString()).isEqualTo("succeeded");
        assertThat(monthPage()).doesNotContain("id=\"month-jobs\"").doesNotContain("nothing was billed");
    }

    /**
     * A tester, or a screen reader's user, finds a button by its name (its label, else its words): no two buttons of a
     * page are named alike, a row's own naming its row, and none hides its words out of sight (the discovery's Enter
     * button has none).
     */
    @Test
    void noTwoButtonsOfAPageSayTheSame() {
        String invoice = aBilledCustomersInvoice();
        api.patch("/api/admin/arrow/settings/" + fixture.settings() + "/", Map.of("is_active", true))
                .expect(200);
        // a second record of the account: the overview shows a part for each, with their own switches
        api.post(
                        "/api/admin/arrow/settings/",
                        Map.of(
                                "api_url",
                                fixture.emulator().apiUrl(),
                                "api_key",
                                fixture.emulator().apiKey(),
                                "is_active",
                                false))
                .expect(201);
        JsonNode offering = fixture.offering().json();
        api.post(
                        "/api/admin/arrow/vendor-offering-mappings/",
                        Map.of(
                                "settings", fixture.settings(),
                                "arrow_vendor_name", "Microsoft",
                                "offering", offering.get("uuid").asString()))
                .expect(201);
        ConsoleSession console = signedIn();
        String mapping = api.get("/api/admin/arrow/customer-mappings/?settings_uuid=" + fixture.settings())
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();

        for (String path : List.of(
                "/",
                "/consumption",
                "/mappings",
                "/mappings/discover",
                "/mappings/" + mapping,
                "/mappings/" + mapping + "/licenses",
                "/months",
                "/months/" + fixture.settings() + "/" + CLOSED,
                "/months/" + fixture.settings() + "/" + CLOSED + "/reconcile",
                "/invoices",
                "/invoices/" + invoice,
                "/margins",
                "/margins/reprice?settings=" + fixture.settings() + "&month=" + CLOSED,
                "/price-rules/new",
                "/jobs",
                "/settings",
                "/settings/" + fixture.settings(),
                "/setup",
                "/users")) {
            HttpResponse<String> page = console.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            Matcher button = Pattern.compile("<button\\b([^>]*)>(.*?)</button>", Pattern.DOTALL)
                    .matcher(page.body());
            List<String> names = new ArrayList<>();
            while (button.find()) {
                Matcher label = Pattern.compile("aria-label=\"([^\"]*)\"").matcher(button.group(1));
                names.add(label.find() ? label.group(1) : words(button.group(2)));
            }
            assertThat(names).as("the buttons of " + path).doesNotHaveDuplicates();
            assertThat(labels(page.body())).as("the labels of " + path).doesNotHaveDuplicates();
        }
    }

    @Test
    void theDiscoveryListsArrowsUnmappedCustomers() {
        fixture.mapCustomers(1);
        api.patch("/api/admin/arrow/settings/" + fixture.settings() + "/", Map.of("is_active", true))
                .expect(200);

        HttpResponse<String> page = signedIn().get("/mappings/discover");

        assertThat(page.statusCode()).isEqualTo(200);
        int unmapped = fixture.emulator().client().customers().size() - 1;
        assertThat(page.body().split("id=\"row-", -1))
                .as("a row for each Arrow customer not mapped")
                .hasSize(unmapped + 1);
        assertThat(page.body()).contains("hx-post=\"/mappings/accept\"");
    }

    /** Arrow refusing the key is said as a refusal, not as Arrow failing to answer (the API's 400, D34). */
    @Test
    void aKeyArrowRefusesIsARefusalNotAnOutage() {
        fixture.mapCustomers(1);
        fixture.syncedBilling(CLOSED);
        fixture.emulator().rotateKey("rotated-" + UUID.randomUUID());

        HttpResponse<String> preview =
                signedIn().get("/months/" + fixture.settings() + "/" + CLOSED + "/reconcile?force=true");

        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(preview.body()).contains("The Arrow call was refused").doesNotContain("Arrow did not answer");
    }

    /** The settings page checks the key typed before it is saved, and a save with a wrong key says so at once. */
    @Test
    void theSettingsPageChecksTheKeyTypedAndASavedWrongKeyIsSaidAtOnce() {
        String settings = fixture.settings();
        String page = "/settings/" + settings;
        ConsoleSession browser = signedIn();

        HttpResponse<String> typed =
                browser.postAsHtmx(page, page + "/check", "api_key", "typed-but-wrong-" + UUID.randomUUID());
        assertThat(typed.body()).contains("Invalid credentials").doesNotContain("Arrow knows these credentials");
        assertThat(browser.postAsHtmx(page, page + "/check", "api_url", "not a url", "api_key", "")
                        .body())
                .as("a mistyped address is said as such, where the check answers")
                .contains("API URL: Enter a valid URL.");
        HttpResponse<String> mistypedWithoutJavaScript = browser.post(
                page + "/check",
                ConsoleSession.form("_csrf", csrfOf(browser.get(page).body()), "api_url", "not a url"));
        assertThat(mistypedWithoutJavaScript.statusCode())
                .as("the settings page again, refusing")
                .isEqualTo(400);
        assertThat(mistypedWithoutJavaScript.body())
                .contains("API URL: Enter a valid URL.")
                .as("with the address as typed, to correct")
                .contains("value=\"not a url\"");
        HttpResponse<String> stored = browser.postAsHtmx(page, page + "/check", "api_key", "");
        assertThat(stored.body()).contains("Arrow knows these credentials");
        String token = csrfOf(browser.get(page).body());
        HttpResponse<String> withoutJavaScript = browser.post(
                page + "/check",
                ConsoleSession.form(
                        "_csrf",
                        token,
                        "api_url",
                        fixture.emulator().apiUrl(),
                        "api_key",
                        "",
                        "invoice_item_prefix",
                        "Typed, not saved"));
        assertThat(withoutJavaScript.statusCode()).as("the whole settings page").isEqualTo(200);
        assertThat(withoutJavaScript.body())
                .contains("<h1")
                .contains("Arrow knows these credentials")
                .contains("Export types")
                .as("what was typed stays in the form (a Save after the check saves it)")
                .contains("value=\"Typed, not saved\"");
        assertThat(browser.get(page).body()).as("nothing saved").doesNotContain("Typed, not saved");
        HttpResponse<String> elsewhere =
                browser.postAsHtmx(page, page + "/check", "api_url", "https://elsewhere.example/", "api_key", "");
        assertThat(elsewhere.statusCode())
                .as("the stored key is sent to no other address (D52)")
                .isEqualTo(400);
        assertThat(elsewhere.body()).contains("the stored key is never sent elsewhere");

        Map<String, String> form = ConsoleSession.form(
                "api_url",
                fixture.emulator().apiUrl(),
                "api_key",
                "saved-but-wrong-" + UUID.randomUUID(),
                "export_type_reference",
                "",
                "classification_filter",
                "IAAS");
        form.put("_csrf", ConsoleSession.csrfOf(browser.get(page).body()));
        assertThat(browser.postFollowing(page, form).body()).contains("Settings saved, but Invalid credentials");
    }

    /** A month not begun offers no sync or reconciliation, and a month without lines claims nothing of its vendors. */
    @Test
    void aMonthNotBegunOffersNothingToRunAndAMonthWithoutLinesClaimsNothing() {
        String months = "/months/" + fixture.settings() + "/";
        ConsoleSession browser = signedIn();

        String future =
                browser.get(months + TestClock.currentMonth().plusMonths(1)).body();
        assertThat(future)
                .contains("The month has not begun")
                .doesNotContain("Sync now")
                .doesNotContain("Preview reconciliation");
        assertThat(future).contains("No line of the month is synced yet.").doesNotContain("Every vendor of the month");
    }

    /** A historical sync that recorded months loads the page again, whose tables did not list them, with its result. */
    @Test
    void aHistoricalSyncThatRecordedMonthsLoadsThePageAgainWithItsResult() {
        fixture.trackedResources(1);
        String resource = fixture.licensedResources().get(fixture.meteredLicense(CLOSED));
        ConsoleSession browser = signedIn();

        HttpResponse<String> recorded = browser.postAsHtmx(
                "/consumption",
                "/consumption/historical",
                "resource_uuid",
                resource,
                "period_from",
                CLOSED.toString(),
                "period_to",
                CLOSED.toString(),
                "record",
                "true",
                "confirmed",
                "true");

        assertThat(recorded.headers().firstValue("HX-Redirect")).contains("/consumption");
        assertThat(browser.get("/consumption").body()).contains("<span>1 month recorded, 0 skipped");
    }

    /** The cleanup form refuses months that run backwards (the API answers them as Waldur does: nothing to delete). */
    @Test
    void theCleanupFormRefusesMonthsThatRunBackwards() {
        HttpResponse<String> refused = signedIn()
                .postAsHtmx(
                        "/consumption",
                        "/consumption/cleanup",
                        "period_from",
                        "2026-11",
                        "period_to",
                        "2026-01",
                        "dry_run",
                        "true");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("The To month must not be before the From month.")
                .contains("value=\"2026-11\"")
                .doesNotContain("would be deleted");
    }

    /** D292: an operator customer typed by its whole name, not picked from the list, is the customer of that name. */
    @Test
    void anOperatorCustomerTypedByItsNameIsAccepted() {
        String name = "Typed " + ArrowFixture.unique("c");
        String customer = fixture.customer(name);
        String reference = "XSP-TYPED-" + ArrowFixture.unique("r").replaceAll("\\W", "");

        HttpResponse<String> accepted = accept(reference, "Typed Ltd", "  " + name.toUpperCase(Locale.ROOT) + " ");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).doesNotContain("Must be a valid UUID.");
        JsonNode mapping = api.get("/api/admin/arrow/customer-mappings/?settings_uuid=" + fixture.settings())
                .expect(200)
                .json()
                .valueStream()
                .filter(found -> found.get("arrow_reference").asString().equals(reference))
                .findFirst()
                .orElseThrow();
        assertThat(mapping.get("waldur_customer_uuid").asString()).isEqualTo(customer.replace("-", ""));
    }

    /**
     * D297: a name two customers share names neither, however many other customers' names hold it; the accept and the
     * mapping's form say so under the field, the form kept.
     */
    @Test
    void aNameTwoCustomersShareIsRefusedWhereverTheyAreListed() {
        String name = ArrowFixture.unique("Shared");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < PageRequest.MAX_SIZE; i++) {
            made.add(fixture.customer("A " + name + " " + i));
        }
        made.add(fixture.customer(name));
        made.add(fixture.customer(name));
        try {
            refusesTheNameTwoShare(name);
        } finally {
            // so many customers whose names sort first would crowd the other tests' first pages of customers
            made.forEach(
                    customer -> api.delete("/api/customers/" + customer + "/").expect(204));
        }
    }

    private void refusesTheNameTwoShare(String name) {
        String reference = "XSP-SHARED-" + ArrowFixture.unique("r").replaceAll("\\W", "");

        HttpResponse<String> refused = accept(reference, "Shared Ltd", name);

        assertThat(refused.body())
                .contains("Several customers are named &quot;" + name + "&quot;: pick the one you mean from the list.");
        assertThat(api.get("/api/admin/arrow/customer-mappings/?arrow_reference=" + reference)
                        .expect(200)
                        .json())
                .isEmpty();
        String mapped = fixture.mapCustomers(1).keySet().iterator().next();
        String mapping = fixture.mapping(mapped);
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/mappings/" + mapping).body());
        HttpResponse<String> form = browser.postFollowing(
                "/mappings/" + mapping,
                form(
                        "_csrf",
                        token,
                        "arrow_company_name",
                        "Renamed as typed",
                        "waldur_customer",
                        name,
                        "is_active",
                        "on"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("value=\"Renamed as typed\"")
                .contains("Several customers are named &quot;" + name + "&quot;");
        assertThat(api.get("/api/admin/arrow/customer-mappings/" + mapping + "/")
                        .expect(200)
                        .text("waldur_customer_uuid"))
                .isEqualTo(fixture.customers().get(mapped).replace("-", ""));
    }

    /** A refused accept gives the row back as typed, the refusal under its field, to correct and accept again. */
    @Test
    void aRefusedAcceptKeepsTheRowToCorrect() {
        HttpResponse<String> refused = accept(
                "XSP-REFUSED", "Refused Ltd", "not-a-uuid", "suggested", "Refused Holdings", "confidence", "0.75");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("value=\"not-a-uuid\"")
                .contains("No customer is named &quot;not-a-uuid&quot;: pick one from the list.")
                .contains("Refused Holdings")
                .contains("75%")
                .contains("hx-post=\"/mappings/accept\"")
                .doesNotContain("Reload");
        assertThat(api.get("/api/admin/arrow/customer-mappings/?arrow_reference=XSP-REFUSED")
                        .expect(200)
                        .json())
                .isEmpty();
    }

    /** A preview answers the form as it was filled in, so the button beside it acts on what was previewed. */
    @Test
    void aPreviewKeepsWhichRecordsAndWhetherToReRecordAsChosen() {
        fixture.settings(); // the page shows its forms once there are settings
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/consumption").body());

        String cleanup = browser.postAsHtmx(
                        "/consumption",
                        "/consumption/cleanup",
                        "period_from",
                        CLOSED.toString(),
                        "period_to",
                        CLOSED.toString(),
                        "only",
                        "finalized",
                        "dry_run",
                        "true")
                .body();
        assertThat(cleanup).containsPattern("<option value=\"finalized\" selected");
        assertThat(cleanup).doesNotContainPattern("<option value=\"unfinalized\" selected");

        String historical = browser.postAsHtmx(
                        "/consumption",
                        "/consumption/historical",
                        "resource_uuid",
                        "not-a-uuid",
                        "force",
                        "true",
                        "dry_run",
                        "true")
                .body();
        assertThat(historical).containsPattern("name=\"force\" value=\"true\" checked");

        // posted without JavaScript, each answers with the whole page, the form as filled in and its refusal
        assertThat(browser.post(
                                "/consumption/historical",
                                form("_csrf", token, "resource_uuid", "not-a-uuid", "force", "true", "dry_run", "true"))
                        .statusCode())
                .isEqualTo(302);
        String page = browser.get("/consumption").body();
        assertThat(page)
                .contains("<h1")
                .containsPattern("name=\"force\" value=\"true\" checked")
                .containsOnlyOnce("id=\"resource_uuid-error\"");
    }

    /** D105: the reconciliation preview says how many lines no sync recorded yet, which it leaves out. */
    @Test
    void theReconciliationPreviewNamesTheLinesNoSyncRecordedYet() {
        fixture.mapCustomers(1);
        fixture.syncedBilling(CLOSED);
        String license = fixture.licenseOf(
                fixture.lineReferences(fixture.customers().keySet().iterator().next(), "%")
                        .get(0));
        fixture.emulator().addLine(license, CLOSED, "12.50000", "10.00000");
        ConsoleSession browser = signedIn();

        HttpResponse<String> preview =
                browser.get("/months/" + fixture.settings() + "/" + CLOSED + "/reconcile?force=true");

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Not in this preview: 1 line of mapped customers that Arrow lists and no sync recorded yet.")
                .contains("Reconcile now")
                .contains("name=\"force\" value=\"true\"");
        assertThat(browser.get("/months/" + fixture.settings() + "/" + CLOSED + "/reconcile?force=no")
                        .body())
                .as("only true forces")
                .doesNotContain("name=\"force\" value=\"true\"")
                .contains("Preview with synced (not yet validated) syncs too");
    }

    /** The reconciliation preview names the corrections its run would refuse, as the job does (D163). */
    @Test
    void theReconciliationPreviewNamesTheCorrectionsItsRunWouldRefuse() {
        Map<String, String> customers = fixture.mapCustomers(1);
        fixture.syncedBilling(CLOSED);
        String reference = customers.keySet().iterator().next();
        String removed = fixture.lineReferences(reference, "%").get(0);
        fixture.setInvoiceState(customers.get(reference), CLOSED, "canceled");
        fixture.emulator().removeLine(removed);

        String preview = signedIn()
                .get("/months/" + fixture.settings() + "/" + CLOSED + "/reconcile?force=true")
                .body();

        assertThat(preview)
                .contains("nothing would be booked.")
                .doesNotContain("nothing to book")
                .contains("Not booked")
                .contains("1 correction to Arrow’s final amounts would not be booked")
                .contains(removed)
                .contains("was canceled");
    }

    /** D224: the preview says a customer Arrow's final export leaves out keeps its lines, and how to credit them. */
    @Test
    void theReconciliationPreviewHoldsTheCreditsOfACustomerArrowLeavesOut() {
        Map<String, String> customers = fixture.mapCustomers(2);
        fixture.syncedBilling(CLOSED);
        String leftOut = customers.keySet().iterator().next();
        List<String> lines = fixture.lineReferences(leftOut, "invoice");
        fixture.lineReferences(leftOut, "%").forEach(line -> fixture.emulator().removeLine(line));
        ConsoleSession browser = signedIn();
        String reconcile = "/months/" + fixture.settings() + "/" + CLOSED + "/reconcile";

        String held = browser.get(reconcile).body();

        assertThat(held)
                .contains("nothing would be booked.")
                .contains(lines.size() + " corrections to Arrow’s final amounts would not be booked")
                .contains("id=\"preview-left-out\"")
                .contains("their credits are held")
                .contains(lines.get(0));
        assertThat(browser.get(reconcile + "?force=true").body())
                .as("forced, the customer's lines are credited")
                .doesNotContain("preview-left-out")
                .contains("1 customer gets compensations")
                .contains(lines.get(0));
    }

    /**
     * A historical sync of months that run backwards is refused in words above the form (the API's non-field error).
     */
    @Test
    void aHistoricalSyncOfMonthsThatRunBackwardsIsRefusedInWords() {
        String resource = fixture.licensedResources().values().iterator().next();
        HttpResponse<String> refused = signedIn()
                .postAsHtmx(
                        "/consumption",
                        "/consumption/historical",
                        "resource_uuid",
                        resource,
                        "period_from",
                        "2026-10",
                        "period_to",
                        "2026-08",
                        "dry_run",
                        "true");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("role=\"alert\"")
                .contains("The To month must not be before the From month.");
    }

    /** A historical sync of a resource that does not exist is refused beside the field, in place of any preview. */
    @Test
    void aHistoricalSyncOfAnUnknownResourceIsRefusedBesideItsField() {
        HttpResponse<String> refused = signedIn()
                .postAsHtmx(
                        "/consumption",
                        "/consumption/historical",
                        "resource_uuid",
                        "f4b882273b4e463496b47c8a9d14fc76",
                        "period_from",
                        "2026-01",
                        "period_to",
                        "2026-02",
                        "dry_run",
                        "true");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("resource_uuid-error")
                .contains("f4b882273b4e463496b47c8a9d14fc76")
                .contains("not found");
    }

    /** The historical sync asks for a resource's UUID: the pages that show a licensed resource fill it in. */
    @Test
    void aLicensedResourceLinksToItsHistoricalSyncWithItsUuidFilledIn() {
        fixture.trackedResources(1);
        String license = fixture.licensedResources().keySet().iterator().next();
        String resource = fixture.licensedResources().get(license);
        String arrowReference = fixture.customers().keySet().iterator().next();
        ConsoleSession browser = signedIn();

        String licenses = browser.get("/mappings/" + fixture.mapping(arrowReference) + "/licenses")
                .body();
        String link = "/consumption?resource=" + resource + "#historical-title";
        assertThat(licenses).contains("href=\"" + link + "\"");
        String form = browser.get(link.substring(0, link.indexOf('#'))).body();
        assertThat(form).containsPattern("id=\"hist-resource\"[^>]*value=\"" + resource + "\"");

        fixture.syncConsumption(TestClock.currentMonth());
        assertThat(browser.get("/consumption").body())
                .as("a record not finalised yet links to its resource's historical sync")
                .containsPattern(
                        "href=\"/consumption\\?settings=[0-9a-f]{32}&amp;resource=[0-9a-f]{32}#historical-title\"");
    }

    @Test
    void aPauseOfAnUnknownScopeIsRefusedAndPausesNothing() {
        fixture.trackedResources(1);
        ConsoleSession browser = signedIn();
        JsonNode before = consumptionSwitches();
        String token = csrfOf(browser.get("/consumption").body());
        for (String scope : new String[] {"everything", ""}) {
            HttpResponse<String> refused = browser.post(
                    "/consumption/pause", form("_csrf", token, "scope", scope, "settings_uuid", fixture.settings()));
            assertThat(refused.statusCode()).as(scope).isEqualTo(400);
            assertThat(refused.body()).as(scope).contains("scope: Select a valid choice.");
        }
        assertSwitchesAsBefore(before, "refused scopes");
    }

    /**
     * A switch posted with its settings blank, malformed (a line break, which a redirect cannot carry) or unknown is
     * refused before anything is written, by a form as by htmx, whichever switch and way it turns.
     */
    @Test
    void aSwitchWithoutItsSettingsChangesNothing() {
        fixture.trackedResources(1);
        ConsoleSession browser = signedIn();
        JsonNode before = consumptionSwitches();
        String token = csrfOf(browser.get("/consumption").body());
        for (String path : new String[] {"/consumption/pause", "/consumption/resume"}) {
            for (String scope : new String[] {"settings", "global"}) {
                for (String settings : new String[] {"", "\n", "\r\n", "00000000000000000000000000000000"}) {
                    for (Map<String, String> headers :
                            List.of(Map.<String, String>of(), Map.of("HX-Request", "true"))) {
                        HttpResponse<String> refused = browser.post(
                                path, form("_csrf", token, "scope", scope, "settings_uuid", settings), headers);
                        String what = String.join(" ", path, scope, settings, headers.toString());
                        assertThat(refused.statusCode()).as(what).isIn(400, 404);
                        assertSwitchesAsBefore(before, what);
                    }
                }
            }
        }
    }

    private JsonNode consumptionSwitches() {
        return api.get("/api/admin/arrow/billing-syncs/consumption_status/")
                .expect(200)
                .json();
    }

    /** The consumption switches, settings and global, are as {@code before} shows them. */
    private void assertSwitchesAsBefore(JsonNode before, String what) {
        JsonNode after = consumptionSwitches();
        for (String field : List.of("settings_sync_enabled", "global_sync_enabled")) {
            assertThat(after.get(field)).as(what + ": " + field).isEqualTo(before.get(field));
        }
    }

    /** A stale page cannot cancel an invoice that was marked created since it was shown (D163: canceled for good). */
    @Test
    void anInvoiceMovedSinceItsPageWasShownIsLeftAsItIs() {
        String invoice = aBilledCustomersInvoice();
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/invoices/" + invoice).body());
        api.post("/api/invoices/" + invoice + "/set_state/", Map.of("state", "created"))
                .expect(200);

        HttpResponse<String> stale = browser.post(
                "/invoices/" + invoice + "/state",
                form("_csrf", token, "state", "canceled", "from", "pending", "confirmed", "true"));

        assertThat(stale.body()).contains("The invoice was marked created after this page showed it pending");
        assertThat(api.get("/api/invoices/" + invoice + "/").expect(200).text("state"))
                .isEqualTo("created");
    }

    /** The invoice of the one customer mapped, billed for the closed month. */
    private String aBilledCustomersInvoice() {
        Map<String, String> customers = fixture.mapCustomers(1);
        fixture.syncedBilling(CLOSED);
        return api.get("/api/invoices/?customer_uuid="
                        + customers.values().iterator().next())
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
    }

    /**
     * Canceling an invoice, which no sync bills again (D163), is asked again when the form comes without JavaScript's
     * confirmation; the question's own button cancels it.
     */
    @Test
    void cancelingAnInvoiceIsAskedAgainWithoutJavaScript() {
        String invoice = aBilledCustomersInvoice();
        ConsoleSession browser = signedIn();
        String page = "/invoices/" + invoice;

        HttpResponse<String> asked = browser.post(
                page + "/state", form("_csrf", csrfOf(browser.get(page).body()), "state", "canceled"));

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"confirm-cancel\"").contains("Cancel the invoice");
        assertThat(api.get("/api/invoices/" + invoice + "/").expect(200).text("state"))
                .as("nothing canceled yet")
                .isEqualTo("pending");
        HttpResponse<String> canceled = browser.post(
                page + "/state",
                form("_csrf", csrfOf(asked.body()), "state", "canceled", "from", "pending", "confirmed", "true"));
        assertThat(canceled.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/invoices/" + invoice + "/").expect(200).text("state"))
                .isEqualTo("canceled");

        HttpResponse<String> again = browser.post(
                page + "/state", form("_csrf", csrfOf(browser.get(page).body()), "state", "canceled"));
        assertThat(again.statusCode())
                .as("a canceled invoice is not asked to be canceled again: refused")
                .isEqualTo(400);
        assertThat(again.body()).doesNotContain("id=\"confirm-cancel\"").contains("from canceled to canceled");
    }

    /** A state change the page did not offer is refused as such: a 400 that names the value, nothing changed. */
    @Test
    void aStateChangeNoPageOffersIsRefused() {
        String invoice = aBilledCustomersInvoice();
        ConsoleSession browser = signedIn();
        String page = "/invoices/" + invoice;

        for (Map.Entry<String, String> sent :
                List.of(Map.entry("Canceled", "pending"), Map.entry("created", "<b>x</b>"), Map.entry("", "pending"))) {
            HttpResponse<String> refused = browser.post(
                    page + "/state",
                    form("_csrf", csrfOf(browser.get(page).body()), "state", sent.getKey(), "from", sent.getValue()));
            assertThat(refused.statusCode()).as(sent.toString()).isEqualTo(400);
            assertThat(refused.body()).as(sent.toString()).contains("class=\"field-error\"");
        }
        assertThat(api.get("/api/invoices/" + invoice + "/").expect(200).text("state"))
                .isEqualTo("pending");
    }

    /** D308: a month refused is said beside its field, the page and the month typed kept. */
    @Test
    void aRunWithoutItsMonthIsRefusedInWords() {
        fixture.trackedResources(1);
        ConsoleSession browser = signedIn();
        String token = csrfOf(browser.get("/consumption").body());
        HttpResponse<String> refused = browser.post(
                "/consumption/run",
                form("_csrf", token, "settings_uuid", fixture.settings(), "month", "", "action", "sync"));
        assertThat(refused.body()).contains("id=\"month-error\"").contains("Choose a month.");
        HttpResponse<String> future = browser.post(
                "/consumption/run",
                form("_csrf", token, "settings_uuid", fixture.settings(), "month", "2999-01", "action", "finalise"));
        assertThat(future.body())
                .contains("<h1>Consumption billing</h1>")
                .contains("value=\"2999-01\"")
                .contains("id=\"month-error\"")
                .contains("the year must be 2000 to 2100.");

        HttpResponse<String> firstSync =
                browser.post("/setup/" + fixture.settings() + "/sync", form("_csrf", token, "month", ""));
        assertThat(firstSync.body()).contains("id=\"month-error\"").contains("Choose a month.");
        assertThat(browser.get("/setup/" + fixture.settings() + "/sync").statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/setup/00000000000000000000000000000000/sync").statusCode())
                .as("the step of settings that do not exist")
                .isEqualTo(404);
    }

    @Test
    void aNewPriceRuleWithoutSettingsNamedIsForTheActiveOnes() {
        fixture.trackedResources(1);
        ConsoleSession browser = signedIn();
        HttpResponse<String> form = browser.get("/price-rules/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"markup_percent\"");
        String note = "no settings named " + UUID.randomUUID();
        HttpResponse<String> saved = browser.post(
                "/price-rules/new",
                form(
                        "_csrf",
                        csrfOf(form.body()),
                        "base",
                        "sell",
                        "markup_percent",
                        "1",
                        "valid_from",
                        CLOSED.toString(),
                        "arrow_vendor_name",
                        "Vendor " + note,
                        "note",
                        note));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(api.get("/api/admin/arrow/price-rules/?page_size=300")
                        .expect(200)
                        .body())
                .contains(note);
    }

    @Test
    void aPageNumberThatIsNoNumberIsRefusedInWords() {
        ConsoleSession browser = signedIn();
        for (String page : new String[] {"/invoices?page=abc", "/jobs?page=1.5", "/users?page=99999999999"}) {
            HttpResponse<String> refused = browser.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(400);
            assertThat(refused.body()).as(page).contains("page: not a whole number the console can read");
        }
    }

    /** A filter value that is none of its choices is refused, not shown as a list of nothing. */
    @Test
    void anInvoiceStateThatIsNoStateIsRefusedInWords() {
        HttpResponse<String> refused = signedIn().get("/invoices?state=bogus");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("bogus").doesNotContain("No invoices");
        assertThat(signedIn().get("/invoices?state=pending").statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressWithoutAValueItsPageNeedsIsRefusedInWords() {
        ConsoleSession browser = signedIn();
        for (String page : new String[] {"/margins/reprice?settings=" + UUID.randomUUID(), "/margins/lines.csv"}) {
            HttpResponse<String> refused = browser.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .as(page)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(refused.body()).as(page).contains("Not accepted").contains(": required");
        }
    }

    @Test
    void aNewConnectionIsNotActiveByDefaultWhileAnotherIs() {
        fixture.activeSettings();
        ConsoleSession browser = signedIn();
        String form = browser.get("/settings/new").body();
        String active = form.substring(form.indexOf("name=\"is_active\""));
        assertThat(active.substring(0, active.indexOf('>')))
                .as("saving a second connection must not quietly deactivate the working one")
                .doesNotContain("checked");

        HttpResponse<String> refused = browser.post(
                "/settings/new",
                form(
                        "_csrf",
                        csrfOf(form),
                        "api_url",
                        "not a url",
                        "api_key",
                        "typed",
                        "invoice_item_prefix",
                        "Kept as typed",
                        "currency",
                        "dollars",
                        "sync_enabled",
                        "true"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .as("a refused form comes back as it was typed")
                .contains("value=\"not a url\"")
                .contains("value=\"Kept as typed\"")
                .contains("value=\"dollars\"")
                .contains("ISO 4217")
                .contains("field-error");
        assertThat(form)
                .as("a new record's currency left blank: the one of the record it replaces, else EUR (D261)")
                .contains("name=\"currency\" type=\"text\" maxlength=\"3\" value=\"\"");
    }

    /** The pager's links keep the list's filter, a name holding {@code &}, {@code +} and {@code #} included. */
    @Test
    void aListLongerThanAPageLinksToItsOtherPages() {
        fixture.activeSettings();
        String name = ArrowFixture.unique("Paged & C++ #");
        for (int i = 0; i <= MappingPages.PAGE_SIZE; i++) {
            fixture.mapCustomer(ArrowFixture.unique("PAGED"), name + " customer " + i);
        }
        ConsoleSession browser = signedIn();
        String filter = "q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);

        String first = browser.get("/mappings?" + filter).body();

        assertThat(first)
                .contains("rel=\"next\"")
                .contains("Page 1 of 2 (" + (MappingPages.PAGE_SIZE + 1) + ")")
                .contains("/mappings?" + filter + "&amp;page=2");
        String second = browser.get("/mappings?" + filter + "&page=2").body();
        assertThat(second).contains("rel=\"prev\"").contains("Page 2 of 2");
    }

    /**
     * More users than a page holds are paged: each is reachable to be deactivated or given a password, and a form sent
     * from page 2 comes back to page 2.
     */
    @Test
    void theUsersPageLinksToItsOtherPagesAndAFormReturnsToItsPage() {
        long users = Long.parseLong(api.get("/api/users/").expect(200).header("X-Result-Count"));
        for (long i = users; i <= UserPages.PAGE_SIZE; i++) {
            api.post(
                            "/api/users/",
                            Map.of("username", ArrowFixture.unique("paged-user").replace(' ', '-')))
                    .expect(201);
        }
        ConsoleSession browser = signedIn();
        String first = browser.get("/users").body();
        assertThat(first).contains("rel=\"next\"").contains("/users?page=2");
        String second = browser.get("/users?page=2").body();
        assertThat(second).contains("rel=\"prev\"");
        String uuid = second.replaceAll("(?s).*action=\"/users/([0-9a-f]{32})/password\".*", "$1");
        HttpResponse<String> refused = browser.post(
                "/users/" + uuid + "/password", form("_csrf", csrfOf(second), "password", "short", "page", "2"));
        assertThat(refused.body())
                .as("the refusal shown on the page its user is on")
                .contains("id=\"password-error-" + uuid + "\"");
    }

    /**
     * The month's totals add up to what its invoices bill: consumption tracking's part is what its items bill under the
     * price rules, not Arrow's amounts (which showed a customer's markup as a red difference).
     */
    @Test
    void theMonthsTotalsAreWhatItsInvoicesBillUnderThePriceRules() {
        Map<String, String> customers = fixture.mapAllCustomers();
        fixture.syncedResources(CLOSED);
        fixture.markupRule("XSP700001", CLOSED, "10");
        fixture.succeeded("trigger_consumption_sync", CLOSED);
        fixture.succeeded("trigger_sync", CLOSED);
        BigDecimal exact = customers.values().stream()
                .map(customer -> fixture.arrowCharges(customer, CLOSED))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal invoiced = customers.values().stream()
                .map(customer -> fixture.arrowChargesAsBilled(customer, CLOSED))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(exact.setScale(2, RoundingMode.HALF_UP))
                .as("the rule leaves fractions of a cent on items, which their invoices round one by one")
                .isNotEqualByComparingTo(invoiced);

        String page = monthPage();

        BigDecimal byConsumption = fact(page, "Billed by consumption");
        assertThat(byConsumption)
                .as("the fixture bills some of the month by consumption")
                .isPositive();
        BigDecimal billed = fact(page, "Billed by lines").add(byConsumption);
        assertThat(billed).as("what the invoices bill, to the cent (D196)").isEqualByComparingTo(invoiced);
        assertThat(fact(page, "Difference"))
                .as("the difference of the figures shown")
                .isEqualByComparingTo(billed.subtract(fact(page, "Arrow's total, priced")));
        assertThat(page).as("one currency").doesNotContain("id=\"month-currencies\"");
        assertThat(page)
                .as("D309: the figures say their currency")
                .contains("<h3>Totals in EUR</h3>")
                .contains("Sell (EUR)");
        assertThat(signedIn().get("/months").body()).contains("<td>EUR</td>");
    }

    /**
     * What canceled invoices hold is shown apart from what the month charges, through both paths, and the difference
     * stays what syncs and reconciliations left unsettled (D200).
     */
    @Test
    void aCanceledInvoiceIsShownApartFromWhatTheMonthCharges() {
        Map<String, String> customers = fixture.mapAllCustomers();
        fixture.syncedResources(CLOSED);
        fixture.succeeded("trigger_consumption_sync", CLOSED);
        fixture.succeeded("trigger_sync", CLOSED);
        String before = monthPage();
        String canceled = customers.get("XSP700001");
        BigDecimal onCanceled = fixture.arrowChargesAsBilled(canceled, CLOSED);

        fixture.setInvoiceState(canceled, CLOSED, "canceled");

        String page = monthPage();
        assertThat(fact(page, "Billed by consumption"))
                .as("the customer is billed through both paths")
                .isLessThan(fact(before, "Billed by consumption"));
        assertThat(fact(page, "Billed by lines").add(fact(page, "Billed by consumption")))
                .isEqualByComparingTo(fact(before, "Billed by lines")
                        .add(fact(before, "Billed by consumption"))
                        .subtract(onCanceled));
        assertThat(fact(page, "On canceled invoices")).isEqualByComparingTo(onCanceled);
        assertThat(shown(page, "Difference")).isEqualTo(shown(before, "Difference"));
        assertThat(before).doesNotContain("On canceled invoices");
        assertThat(signedIn().get("/").body())
                .contains(String.format(Locale.ROOT, "(%,.2f more on canceled invoices)", onCanceled));
    }

    /**
     * A re-pricing confirmed from a preview books nothing once its plan changed since, until previewed again (D203).
     */
    @Test
    void aRepricingConfirmedAfterItsPlanChangedBooksNothing() {
        Map<String, String> customers = fixture.mapCustomers(2);
        fixture.syncedBilling(CLOSED);
        String reference = customers.keySet().iterator().next();
        String customer = customers.get(reference);
        String rule = fixture.markupRule(reference, CLOSED, "10");
        ConsoleSession browser = signedIn();
        String preview = "/margins/reprice?settings=" + fixture.settings() + "&month=" + CLOSED;
        String shown = browser.get(preview).body();
        BigDecimal before = fixture.arrowChargesAsBilled(customer, CLOSED);

        api.patch("/api/admin/arrow/price-rules/" + rule + "/", Map.of("markup_percent", "90"))
                .expect(200);
        JsonNode refused = confirmRepricing(browser, shown);

        assertThat(refused.get("state").asString()).as(refused.toString()).isEqualTo("failed");
        assertThat(refused.get("error_message").asString()).contains("is no longer the one previewed");
        assertThat(fixture.arrowChargesAsBilled(customer, CLOSED))
                .as("nothing booked")
                .isEqualByComparingTo(before);

        JsonNode booked = confirmRepricing(browser, browser.get(preview).body());
        assertThat(booked.get("state").asString()).as(booked.toString()).isEqualTo("succeeded");
        assertThat(fixture.arrowChargesAsBilled(customer, CLOSED)).isNotEqualByComparingTo(before);
        assertThat(browser.get("/jobs/" + booked.get("uuid").asString()).body())
                .as("the result's customers one by one")
                .containsPattern("<li>[^<]*customer name [^<]+</li><li>");
    }

    /** A confirmation without its preview's plan queues nothing (D203): there is no preview it confirms. */
    @Test
    void aRepricingConfirmedWithoutAPreviewsPlanIsRefused() {
        fixture.mapCustomers(1);
        fixture.syncedBilling(CLOSED);
        ConsoleSession browser = signedIn();
        String page = browser.get("/margins/reprice?settings=" + fixture.settings() + "&month=" + CLOSED)
                .body();
        String jobs = "/api/admin/arrow/jobs/?kind=reprice&settings_uuid=" + fixture.settings();
        String queued = api.get(jobs).expect(200).header("X-Result-Count");
        for (String plan : new String[] {"garbage", "", "43C2801A" + "0".repeat(24), "0".repeat(3000)}) {
            HttpResponse<String> refused = postRepricing(browser, page, plan);
            assertThat(refused.statusCode()).as(plan).isEqualTo(400);
            assertThat(refused.body()).as(plan).contains("preview the month again");
        }
        assertThat(api.get(jobs).expect(200).header("X-Result-Count"))
                .as("nothing queued")
                .isEqualTo(queued);
    }

    /** Confirms the re-pricing preview {@code page} shows, as its button does; the job, once ended. */
    private JsonNode confirmRepricing(ConsoleSession browser, String page) {
        Matcher plan = Pattern.compile("name=\"plan\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(plan.find()).as("the preview's plan").isTrue();
        HttpResponse<String> confirmed = postRepricing(browser, page, plan.group(1));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        String job = confirmed.headers().firstValue("Location").orElseThrow().replaceAll(".*/jobs/", "");
        return Jobs.await(api, job);
    }

    /** Posts the confirmation of the closed month's re-pricing from the preview {@code page}, with this plan. */
    private HttpResponse<String> postRepricing(ConsoleSession browser, String page, String plan) {
        return browser.post(
                "/margins/reprice",
                form("_csrf", csrfOf(page), "settings", fixture.settings(), "month", CLOSED.toString(), "plan", plan));
    }

    /** The re-pricing preview says which corrections no invoice would take, as the run then refuses them (D198). */
    @Test
    void theRepricingPreviewSaysWhichCorrectionsNoInvoiceWouldTake() {
        Map<String, String> customers = fixture.mapCustomers(2);
        fixture.syncedBilling(CLOSED);
        String canceled = customers.keySet().iterator().next();
        fixture.setInvoiceState(customers.get(canceled), CLOSED, "canceled");
        fixture.markupRule(canceled, CLOSED, "10");

        String page = signedIn()
                .get("/margins/reprice?settings=" + fixture.settings() + "&month=" + CLOSED)
                .body();

        assertThat(page)
                .contains("id=\"reprice-refused\"", "no invoice would take")
                .contains("0 corrections to book.")
                .doesNotContain("id=\"reprice-confirm\"");
    }

    /** A month in one currency of whole units shows its totals in them, as its invoices bill them (D196). */
    @Test
    void aMonthInYenShowsItsTotalsInWholeYen() {
        String customer = fixture.mapCustomers(1).keySet().iterator().next();
        fixture.emulator().billCustomerIn(customer, "JPY");
        fixture.syncedBilling(CLOSED);

        String page = monthPage();

        assertThat(shown(page, "Billed by lines")).matches("[1-9][0-9,]*");
        assertThat(shown(page, "Arrow's total, priced")).isEqualTo(shown(page, "Billed by lines"));
        assertThat(shown(page, "Difference")).isEqualTo("0");
    }

    /** A month whose customers are billed in several currencies says that its totals add them up. */
    @Test
    void aMonthInSeveralCurrenciesSaysItsTotalsAddThemUp() {
        String dollars = fixture.mapCustomers(2).keySet().iterator().next();
        fixture.emulator().billCustomerIn(dollars, "USD");
        fixture.syncedBilling(CLOSED);

        String page = monthPage();

        assertThat(page).contains("id=\"month-currencies\"", "<span>EUR, USD</span>");
        assertThat(signedIn().get("/").body()).contains("(EUR, USD added up)");
    }

    /** The console's page of the closed month, signed in. */
    /** The words of every label of a page, by which a tester finds its field. */
    private static List<String> labels(String page) {
        Matcher label =
                Pattern.compile("<label\\b[^>]*>(.*?)</label>", Pattern.DOTALL).matcher(page);
        List<String> labels = new ArrayList<>();
        while (label.find()) {
            labels.add(words(label.group(1)));
        }
        return labels;
    }

    /**
     * D284: a page showing a job under way asks every 2 s whether it still is: nothing while it is, and once it is done
     * the answer has htmx reload the page, whose totals the job changed.
     */
    @Test
    void aPageShowingAJobUnderWayReloadsOnceTheJobIsDone() {
        fixture.arrowStillValidates(CLOSED);
        fixture.mapCustomers(1);
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":3000,\"count\":1}");
        String job = api.post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(CLOSED))
                .expect(202)
                .text("uuid");
        ConsoleSession browser = signedIn();
        String poll = "/jobs/running?uuid=" + job;

        assertThat(monthPage()).contains("hx-get=\"" + poll + "\"");
        HttpResponse<String> underWay = browser.get(poll);
        assertThat(underWay.statusCode()).isEqualTo(204);
        assertThat(underWay.headers().firstValue("HX-Refresh"))
                .as("the job is under way")
                .isEmpty();

        Jobs.await(api, job);
        HttpResponse<String> done = browser.get(poll);
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(done.headers().firstValue("HX-Refresh")).hasValue("true");
        assertThat(monthPage()).doesNotContain(poll);
    }

    /**
     * Accepts one Arrow customer from discovery's list, as its row's button posts it, for this operator customer; the
     * row's other fields ({@code suggested}, {@code confidence}) as name and value pairs.
     */
    private HttpResponse<String> accept(String reference, String companyName, String customer, String... row) {
        List<String> fields = new ArrayList<>(List.of(
                "settings_uuid",
                fixture.settings(),
                "arrow_reference",
                reference,
                "arrow_company_name",
                companyName,
                "waldur_customer",
                customer));
        fields.addAll(List.of(row));
        return signedIn().postAsHtmx("/mappings", "/mappings/accept", fields.toArray(String[]::new));
    }

    /** The words of a piece of a page, as a reader sees them: no tags, one space between, entities read. */
    private static String words(String html) {
        return html.replaceAll("<[^>]*>", "")
                .replaceAll("\\s+", " ")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
                .strip();
    }

    private String monthPage() {
        return signedIn().get("/months/" + fixture.settings() + "/" + CLOSED).body();
    }

    private static BigDecimal fact(String page, String term) {
        return new BigDecimal(shown(page, term).replace(",", ""));
    }

    /** A figure of the month page's totals as it is shown. */
    private static String shown(String page, String term) {
        Matcher figure = Pattern.compile("<dt>" + Pattern.quote(term) + "</dt><dd[^>]*>([^<]+)</dd>")
                .matcher(page);
        assertThat(figure.find()).as(term).isTrue();
        return figure.group(1);
    }
}
