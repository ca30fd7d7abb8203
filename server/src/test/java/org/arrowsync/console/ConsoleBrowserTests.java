package org.arrowsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real headless Chromium, as an operator uses it at month end on the demo data: sign in, connect with
 * the setup wizard, sync, follow the job live, read the month, preview and confirm reconciliation, open the invoice;
 * pause and resume; a non-staff user. Every page visited is saved as a screenshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests extends ConsoleIntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();
    /** How the console titles the month. */
    static final String MONTH_TITLE = MONTH.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));

    /** Only the emulator: the settings and mappings are made in the browser. */
    @RegisterExtension
    static final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    JsonNode offering;
    String settings;

    @BeforeAll
    void startBrowser() {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        JsonNode customers = fixture.emulator().summary(MONTH).get("customers");
        for (Map.Entry<String, JsonNode> customer : customers.properties()) {
            fixture.customer(customer.getValue().get("companyName").asString());
        }
        offering = fixture.offering().json();
        browser = Browser.start(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheSetupOfAFreshInstall() {
        browser.signIn("admin", "not-the-password");
        browser.awaitText("#signin-error", "Wrong username or password.");
        browser.screenshot("sign-in-refused");

        browser.signIn("admin", ADMIN_PASSWORD);
        browser.awaitText("h1", "Connect to ArrowSphere");
        assertThat(browser.url()).endsWith("/setup");
        browser.screenshot("setup-1-credentials");
    }

    @Test
    @Order(2)
    void theMonthEndCloseFromSetupToInvoice() {
        // Setup wizard: a wrong key comes back beside its field, the right one lists Arrow's customers
        browser.type("#setup-url", fixture.emulator().apiUrl());
        browser.type("#setup-key", "not-the-key");
        browser.press("Check with Arrow");
        browser.awaitText("#api_key-error", "Invalid credentials");
        assertThat(browser.find("#setup-key").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(api().get("/api/admin/arrow/settings/").expect(200).json().size())
                .isZero();

        browser.type("#setup-key", fixture.emulator().apiKey());
        browser.press("Check with Arrow");
        browser.awaitText("h2", "Customers");
        int arrowCustomers = browser.all("#setup-customers tbody tr").size();
        assertThat(arrowCustomers).isPositive();
        assertThat(browser.all("#setup-customers input[name=accept]:checked")).hasSize(arrowCustomers);
        // the export type chosen for the operator is the first recommended one, not the last
        String firstRecommended = browser.all("#setup-customers label.check").stream()
                .filter(label -> label.getText().contains("recommended"))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("input"))
                .getAttribute("value");
        assertThat(browser.all("#setup-customers input[name=export_type_reference]:checked"))
                .singleElement()
                .satisfies(radio -> assertThat(radio.getAttribute("value")).isEqualTo(firstRecommended));
        browser.screenshot("setup-2-customers");
        browser.click("#setup-save");

        browser.awaitText("h1", "Connect to ArrowSphere");
        assertThat(browser.page()).contains("Settings saved with " + arrowCustomers + " customer mappings");
        settings = api().get("/api/admin/arrow/settings/?is_active=true")
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
        browser.type("#vendor-name", "Microsoft");
        selectByText("#vendor-offering", offering.get("name").asString());
        browser.press("Map vendor");
        browser.awaitText("main", "Microsoft → " + offering.get("name").asString());
        browser.screenshot("setup-3-vendors");
        browser.click("#setup-next");

        // First sync, followed live, while Arrow still validates the month: the export answers slowly, so the page sees
        // the job run, then finish
        fixture.arrowStillValidates(MONTH);
        browser.awaitText("h1", "Connect to ArrowSphere");
        setMonth("#setup-month", MONTH);
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":1500,\"count\":2}");
        browser.press("Sync this month");
        browser.awaitText("h1", "billing_sync");
        String jobPage = browser.url();
        assertThat(browser.text("#job-state")).isIn("queued", "running");
        browser.screenshot("job-running");
        browser.awaitText("#job-state", "succeeded");
        assertThat(browser.url()).as("the page updated itself").isEqualTo(jobPage);
        assertThat(browser.text("#job-counts")).contains("lines synced");
        browser.screenshot("job-succeeded");

        // The month: syncs by customer, what the sync added
        browser.press("See what it changed");
        browser.awaitText("h1", MONTH_TITLE);
        assertThat(browser.text("#month-state")).isEqualTo("Synced");
        int syncs = api().head("/api/admin/arrow/billing-syncs/?report_period=" + MONTH)
                .expect(200)
                .header("X-Result-Count")
                .transform(Integer::parseInt);
        assertThat(syncs).isGreaterThanOrEqualTo(arrowCustomers);
        assertThat(browser.all("section[aria-labelledby=syncs-title] tbody tr a"))
                .hasSize(syncs);
        assertThat(browser.text("section[aria-labelledby=changes-title]")).contains("lines added", "0 changed");

        // Arrow changes a line; the next sync says what changed
        List<String> lines = invoicedLines();
        fixture.emulator().changeSell(lines.get(0), "321.00000");
        browser.press("Sync now");
        browser.awaitText("#job-state", "succeeded");
        browser.press("See what it changed");
        browser.awaitText("section[aria-labelledby=changes-title]", "1 changed");
        browser.press("Show lines");
        browser.awaitText("section[aria-labelledby=changes-title] td", lines.get(0));
        browser.screenshot("month");
        browser.press("Hide lines");
        browser.awaitText("section[aria-labelledby=changes-title]", "Show lines");
        assertThat(browser.text("section[aria-labelledby=changes-title]")).doesNotContain(lines.get(0));

        // Drill down: a customer's lines and the invoice items they wrote
        browser.click("section[aria-labelledby=syncs-title] tbody tr a");
        browser.awaitText("h2", "Lines and their invoice items");
        assertThat(browser.all("tbody tr")).isNotEmpty();
        browser.screenshot("sync-lines");

        // Until Arrow validates the month only a forced preview compares, and the syncs follow Arrow: nothing to book;
        // the plain one says the reconciliation would sync the month first, which validates it once Arrow has (D213)
        browser.open("/months/" + settings + "/" + MONTH);
        browser.click("#reconcile-preview");
        browser.awaitText("main", "No billing sync of the month is validated yet");
        assertThat(browser.text("main")).contains("Reconcile now");
        browser.press("Preview with synced (not yet validated) syncs too");
        browser.awaitText("main", "nothing to book");

        // Arrow validates the month: the next sync validates it as it ends
        fixture.emulator().setClock(TestClock.now());
        browser.open("/months/" + settings + "/" + MONTH);
        browser.press("Sync now");
        browser.awaitText("#job-state", "succeeded");
        browser.press("See what it changed");
        browser.awaitText("#month-state", "Validated");

        // Reconciliation: Arrow's final amount moves after the sync; the preview says what would be booked
        fixture.emulator().changeSell(lines.get(1), "123.45000");
        String before = ledgerTotal();
        browser.click("#reconcile-preview");
        browser.awaitText("#preview-total", "1 customer gets compensations");
        assertThat(ledgerTotal()).as("the preview wrote nothing").isEqualTo(before);
        browser.screenshot("reconcile-preview");
        browser.click("#reconcile-confirm");
        browser.awaitText("#job-state", "succeeded");
        assertThat(browser.text("#job-result")).contains("compensations\n1");
        browser.press("See what it changed");
        browser.awaitText("#month-state", "Reconciled");
        assertThat(browser.text("#month-difference"))
                .as("reconciled, the month bills Arrow's total to the cent")
                .isEqualTo("0.00");

        // The invoice of the customer whose line moved holds the compensation
        String syncUuid =
                jdbc.sql("""
                        select b.uuid::text from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        where t.arrow_line_reference = ?""").param(lines.get(1)).query(String.class).single().replace("-", "");
        browser.open("/months/" + settings + "/" + MONTH + "/syncs/" + syncUuid);
        browser.press("Invoice of the month");
        browser.awaitText("h1", MONTH_TITLE);
        assertThat(browser.page()).contains("adjustment", "for " + MONTH + ")");
        browser.screenshot("invoice");
        browser.press("Mark created");
        browser.awaitText("#invoice-state", "created");
    }

    @Test
    @Order(3)
    void consumptionBillingIsPausedAndResumedInPlace() {
        browser.open("/consumption");
        browser.awaitText("h1", "Consumption billing");
        browser.press("Pause all consumption billing");
        browser.awaitText("#messages", "Consumption billing of all settings paused.");
        browser.awaitText(".switches", "Resume all consumption billing");
        assertThat(consumptionStatus().get("global_sync_enabled").asBoolean()).isFalse();
        browser.screenshot("consumption-paused");

        browser.press("Resume all consumption billing");
        browser.awaitText(".switches", "Pause all consumption billing");
        assertThat(consumptionStatus().get("global_sync_enabled").asBoolean()).isTrue();

        browser.press("Resume periodic syncs");
        browser.awaitText(".switches", "Pause periodic syncs");
        assertThat(consumptionStatus().get("settings_sync_enabled").asBoolean()).isTrue();
        browser.press("Pause periodic syncs");
        browser.awaitText(".switches", "Resume periodic syncs");
        assertThat(consumptionStatus().get("settings_sync_enabled").asBoolean()).isFalse();
        browser.screenshot("consumption");

        // by the keyboard: the switch put back keeps the focus, so Enter pressed again presses it again
        String id = browser.find(".switches button.secondary").getAttribute("id");
        browser.find("#" + id).sendKeys(Keys.ENTER);
        browser.awaitText(".switches", "Pause periodic syncs");
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        assertThat(page.executeScript("return document.activeElement.id"))
                .as("the focus stays on the switch")
                .isEqualTo(id);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.awaitText(".switches", "Resume periodic syncs");
        assertThat(consumptionStatus().get("settings_sync_enabled").asBoolean()).isFalse();
    }

    @Test
    @Order(3)
    void aButtonThatAsksForConfirmationSendsNothingWhenDeclined() {
        browser.open("/consumption");
        browser.awaitText("h1", "Consumption billing");
        String cleanup = "form[hx-post='/consumption/cleanup'] ";
        String before =
                api().get("/api/admin/arrow/consumption-records/").expect(200).header("X-Result-Count");
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript("window.asked = null; window.confirm = function (q) { window.asked = q; return false; };");

        browser.click(cleanup + "button.danger");

        Object asked = browser.await(d -> ((JavascriptExecutor) d).executeScript("return window.asked"));
        assertThat(asked.toString()).startsWith("Delete these consumption records now?");
        page.executeScript("window.asked = null; window.confirm = function (q) { window.asked = q; return true; };");
        browser.click(cleanup + "button[name='dry_run']");
        browser.awaitText(".notice", "Nothing was written.");
        assertThat(page.executeScript("return window.asked"))
                .as("the preview asks nothing")
                .isNull();
        assertThat(api().get("/api/admin/arrow/consumption-records/")
                        .expect(200)
                        .header("X-Result-Count"))
                .as("nothing was deleted")
                .isEqualTo(before);
    }

    @Test
    @Order(3)
    void aRefusalOfAFormLowOnTheConsumptionPageIsBroughtIntoView() {
        browser.open("/consumption");
        browser.awaitText("h1", "Consumption billing");
        browser.type("#hist-resource", "00000000000000000000000000000001");
        setMonth("#hist-from", MONTH);
        setMonth("#hist-to", MONTH);
        browser.click("#historical button[name='dry_run']");
        browser.awaitText("#historical .field-error", "not found");
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        assertThat(
                        page.executeScript(
                                "return document.querySelector(\"#historical button[name='dry_run']\").getAttribute('aria-disabled')"))
                .as("the historical form's button is pressable again once answered")
                .isNull();

        // a refusal that no field holds goes to the message area, which is brought into view
        browser.type("#clean-resource", "00000000000000000000000000000001");
        page.executeScript("document.getElementById('messages').innerHTML = '';"
                + " document.getElementById('clean-resource').scrollIntoView();");

        browser.click("#cleanup button[name='dry_run']");

        browser.await(
                d -> !d.findElements(By.cssSelector("#messages .notice.error")).isEmpty());
        assertThat(page.executeScript("var box = document.getElementById('messages').getBoundingClientRect();"
                        + " return box.bottom > 0 && box.top < window.innerHeight;"))
                .as("the refusal is on screen, not above it")
                .isEqualTo(true);
        assertThat(
                        page.executeScript(
                                "return document.querySelector(\"#cleanup button[name='dry_run']\").getAttribute('aria-disabled')"))
                .as("its button is pressable again once answered")
                .isNull();
    }

    /**
     * D307: a button pressed again while its first request is on its way sends nothing more, though it stays focusable
     * (marked busy, not disabled): htmx would queue the second press to follow the first.
     */
    @Test
    @Order(3)
    void aButtonPressedTwiceWhileItsRequestIsOnItsWaySendsOnce() {
        browser.open("/settings/" + settings);
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript("window.sent = 0; var open = XMLHttpRequest.prototype.open;"
                + " XMLHttpRequest.prototype.open = function (method, url) {"
                + "   if (String(url).indexOf('/check') >= 0) { window.sent++; }"
                + "   return open.apply(this, arguments); };"
                + " var check = document.querySelector(\"button[hx-post$='/check']\"); check.click(); check.click();");
        browser.await(d -> !d.findElements(By.cssSelector("#check-result *")).isEmpty());
        long settled = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < settled) {
            assertThat(((Number) page.executeScript("return window.sent")).intValue())
                    .as("one request, the second press dropped")
                    .isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void untickingActiveAsksFirstAsTheDeactivateButtonDoes() {
        browser.open("/settings/" + settings);
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript("window.asked = null; window.confirm = function (q) { window.asked = q; return false; };");
        WebElement active = browser.find("#settings-form input[name='is_active']");
        assertThat(active.isSelected()).isTrue();

        active.click();
        browser.press("Save");

        Object asked = browser.await(d -> ((JavascriptExecutor) d).executeScript("return window.asked"));
        assertThat(asked.toString()).startsWith("Deactivate these settings?");
        assertThat(api().get("/api/admin/arrow/settings/" + settings + "/")
                        .expect(200)
                        .json()
                        .get("is_active")
                        .asBoolean())
                .as("declined: still active")
                .isTrue();
    }

    /**
     * Enter in a row's field accepts every row with a customer, never the first row's own Accept; a row's Accept maps
     * that row alone in place.
     */
    @Test
    @Order(3)
    void enterAcceptsTheRowsWithACustomerAndARowsAcceptMapsThatRowAlone() {
        JsonNode all = api().get("/api/admin/arrow/customer-mappings/?settings_uuid=" + settings)
                .expect(200)
                .json();
        Map<String, JsonNode> byReference = new HashMap<>();
        for (JsonNode mapping : List.of(all.get(0), all.get(1))) {
            api().patch(mappingUrl(mapping), Map.of("is_active", false)).expect(200);
            byReference.put(mapping.get("arrow_reference").asString(), mapping);
        }
        browser.open("/mappings/discover");
        List<String> rows = browser.all("tr[id^=row-]").stream()
                .map(row -> row.getAttribute("id").substring("row-".length()))
                .filter(byReference::containsKey)
                .toList();
        JsonNode first = byReference.get(rows.get(0));
        JsonNode second = byReference.get(rows.get(1));
        browser.type("#customer-" + rows.get(0), "");
        browser.type(
                "#customer-" + rows.get(1), second.get("waldur_customer_uuid").asString());
        browser.find("#customer-" + rows.get(1)).sendKeys(Keys.ENTER);

        browser.awaitText(".notice", "1 customer mapping created.");
        assertThat(active(second))
                .as("the row whose field Enter was pressed in")
                .isTrue();
        assertThat(active(first)).as("the first row, its field left empty").isFalse();

        browser.open("/mappings/discover");
        browser.type(
                "#customer-" + rows.get(0), first.get("waldur_customer_uuid").asString());
        browser.click("#row-" + rows.get(0) + " button");
        browser.awaitText("#row-" + rows.get(0), "mapped");
        assertThat(active(first)).isTrue();
        assertThat(browser.url()).as("in place").endsWith("/mappings/discover");
    }

    private boolean active(JsonNode mapping) {
        return api().get(mappingUrl(mapping))
                .expect(200)
                .json()
                .get("is_active")
                .asBoolean();
    }

    private static String mappingUrl(JsonNode mapping) {
        return "/api/admin/arrow/customer-mappings/" + mapping.get("uuid").asString() + "/";
    }

    @Test
    @Order(3)
    void aFormPressedTwiceWhileItsPageLoadsIsSentOnce() {
        browser.open("/mappings");
        browser.type("#vendor-form #vendor-name", "Twice pressed");
        selectByText("#vendor-form #vendor-offering", offering.get("name").asString());

        ((JavascriptExecutor) browser.driver())
                .executeScript("var form = document.getElementById('vendor-form');"
                        + " form.requestSubmit(); form.requestSubmit();");

        browser.awaitText(".notice", "Vendor Twice pressed mapped.");
        assertThat(browser.page()).as("the second press sent nothing").doesNotContain("already exists");
    }

    @Test
    @Order(4)
    void everyPageReadsAtBothWidthsAndFormErrorsComeBackBesideTheirField() {
        for (Map.Entry<String, String> page : Map.of(
                        "overview", "/",
                        "months", "/months",
                        "mappings", "/mappings",
                        "discover", "/mappings/discover",
                        "jobs", "/jobs",
                        "invoices", "/invoices",
                        "margins", "/margins",
                        "settings", "/settings",
                        "users", "/users")
                .entrySet()) {
            browser.open(page.getValue());
            browser.awaitText("h1", "");
            assertThat(browser.page()).doesNotContain("Something went wrong");
            browser.screenshot(page.getKey());
        }
        browser.open("/mappings");
        browser.click("section[aria-labelledby=customers-title] tbody tr a");
        browser.awaitText("h2", "Billing summary");
        browser.screenshot("mapping");
        browser.press("Licenses: link and import");
        browser.awaitText("h1", "Licenses of");
        browser.screenshot("licenses");

        browser.open("/settings/" + settings);
        browser.press("Validate credentials and check export types");
        browser.awaitText("#check-result", "valid");
        assertThat(browser.find("#check-result").getText())
                .as("a template without the license column says consumption tracking needs it (D69)")
                .contains("Standard without license")
                .contains("consumption finalisation: ARS Subscription ID (consumption tracking needs it");
        assertThat(browser.find("button[hx-post$='/check']").isDisplayed())
                .as("the check can be run again")
                .isTrue();
        browser.screenshot("settings-edit");
        browser.type("#api_url", "ftp://fixture.example.com/");
        browser.find("#api_url").sendKeys(Keys.ENTER);
        browser.awaitText("#api_url-error", "Enter a valid URL.");
        assertThat(browser.find("#api_url").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(api().get("/api/admin/arrow/settings/" + settings + "/")
                        .expect(200)
                        .text("api_url"))
                .as("nothing written")
                .isEqualTo(fixture.emulator().apiUrl());
        browser.screenshot("settings-error");
    }

    @Test
    @Order(5)
    void theKeyboardReachesEverythingAndSeesWhereItIs() {
        browser.open("/");
        browser.awaitText("h1", "Overview");
        Actions keys = new Actions(browserDriver());
        keys.sendKeys(Keys.TAB).perform();
        WebElement skip = active();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getCssValue("outline-style")).as("focus is visible").isNotEqualTo("none");
        keys.sendKeys(Keys.TAB).perform();
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active().getText()).isEqualTo("Overview");
        assertThat(active().getCssValue("outline-style")).isNotEqualTo("none");
        for (WebElement input : browser.all("input:not([type=hidden]), select")) {
            String id = input.getAttribute("id");
            boolean labelled =
                    (id != null && !browser.all("label[for='" + id + "']").isEmpty())
                            || input.findElements(By.xpath("ancestor::label")).size() > 0;
            assertThat(labelled)
                    .as("input %s has a label", input.getAttribute("name"))
                    .isTrue();
        }
    }

    @Test
    @Order(6)
    void aUserWhoIsNotStaffIsToldSoAndCanSignOut() {
        String username = "reader-" + ArrowFixture.unique("u").substring(2);
        api().post("/api/users/", Map.of("username", username, "password", "reader-password-1"))
                .expect(201);
        browser.open("/");
        browser.press("Sign out");
        browser.awaitText("main", "You are signed out.");
        browser.signIn(username, "reader-password-1");
        browser.awaitText("h1", "Staff only");
        assertThat(browser.page()).contains(username);
        browser.screenshot("forbidden");
        browser.press("Sign out");
        browser.awaitText("main", "You are signed out.");
    }

    @Test
    @Order(7)
    void aPriceRuleRepricesTheMonthAndItsMarginsShowIt() {
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.open("/margins?settings=" + settings + "&month=" + MONTH);
        browser.awaitText("h2", "Margins of " + MONTH_TITLE);
        assertThat(browser.all("#margins-table tbody tr")).isNotEmpty();
        assertThat(browser.page()).contains("No price rules");
        browser.screenshot("margins");

        browser.click("#add-rule");
        browser.awaitText("h1", "New price rule");
        new Select(browser.find("#rule-customer")).selectByIndex(1);
        new Select(browser.find("#rule-base")).selectByValue("buy");
        browser.type("#rule-markup", "10");
        setMonth("#rule-from", MONTH.minusMonths(9));
        browser.screenshot("price-rule");
        browser.click("#rule-save");
        browser.awaitText("main", "Price rule saved");
        assertThat(browser.text("#margins-title"))
                .as("back to the month the rule was added from, whichever month the page opens at")
                .isEqualTo("Margins of " + MONTH_TITLE);
        assertThat(browser.all("#rules-table tbody tr")).hasSize(1);
        assertThat(browser.text("#rules-table")).contains("buy + 10%", "from " + MONTH.minusMonths(9));

        browser.click("#add-rule");
        browser.awaitText("h1", "New price rule");
        new Select(browser.find("#rule-customer")).selectByIndex(1);
        browser.type("#rule-markup", "12");
        setMonth("#rule-from", MONTH.minusMonths(4));
        browser.click("#rule-save");
        browser.awaitText(".notice.error", "prices the same lines with the same precedence");
        assertThat(browser.find("#rule-markup").getAttribute("value"))
                .as("the form keeps what was typed")
                .isEqualTo("12");
        assertThat(api().get("/api/admin/arrow/price-rules/?settings_uuid=" + settings)
                        .expect(200)
                        .json()
                        .size())
                .as("nothing written")
                .isEqualTo(1);

        browser.open("/margins?settings=" + settings + "&month=" + MONTH);
        browser.press("Edit");
        browser.awaitText("h1", "Price rule");
        browser.type("#rule-markup", "11");
        browser.click("#rule-save");
        browser.awaitText("main", "Price rule saved");
        assertThat(browser.all("#rules-table tbody tr"))
                .as("changed, not added")
                .hasSize(1);
        assertThat(browser.text("#rules-table")).contains("buy + 11%");

        String before = ledgerTotal();
        browser.click("#reprice-preview");
        browser.awaitText("h1", "Re-price " + MONTH_TITLE);
        assertThat(browser.text("#reprice-total")).contains("corrections to book");
        assertThat(ledgerTotal()).as("the preview wrote nothing").isEqualTo(before);
        browser.screenshot("reprice-preview");
        browser.type("#reprice-reason", "new Contoso contract");
        browser.click("#reprice-confirm");
        browser.awaitText("#job-state", "succeeded");
        assertThat(ledgerTotal()).isNotEqualTo(before);
        assertThat(api().get("/api/admin/audit-log/?actor=admin&page_size=300")
                        .expect(200)
                        .json()
                        .valueStream()
                        .filter(entry ->
                                entry.get("request").get("path").asString().equals("/margins/reprice"))
                        .map(entry -> entry.get("reason").asString())
                        .toList())
                .as("the re-pricing's audit entry keeps the reason")
                .containsExactly("new Contoso contract");
        browser.press("See what it changed");
        browser.awaitText("h2", "Margins of " + MONTH_TITLE);
        browser.click("#reprice-preview");
        browser.awaitText("#reprice-total", "nothing to book");
        assertThat(browser.all("#reprice-confirm")).isEmpty();

        ConsoleSession session = signedIn();
        var csv = session.get("/margins/lines.csv?settings=" + settings + "&month=" + MONTH);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("customer,vendor,subscription_reference,");
    }

    private void selectByText(String css, String text) {
        new Select(browser.find(css)).selectByVisibleText(text);
    }

    private void setMonth(String css, YearMonth month) {
        ((JavascriptExecutor) browserDriver())
                .executeScript("document.querySelector(arguments[0]).value = arguments[1]", css, month.toString());
    }

    private WebElement active() {
        return browserDriver().switchTo().activeElement();
    }

    private WebDriver browserDriver() {
        return browser.driver();
    }

    private JsonNode consumptionStatus() {
        return api().get("/api/admin/arrow/billing-syncs/consumption_status/")
                .expect(200)
                .json();
    }

    private List<String> invoicedLines() {
        return jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = 'invoice' order by t.id""").param(settings).query(String.class).list();
    }

    private String ledgerTotal() {
        return jdbc.sql("select count(*) || ':' || coalesce(sum(unit_price * quantity), 0) from invoice_items")
                .query(String.class)
                .single();
    }

    /** The API client of the server; {@code api} is only set per test, after {@link #startBrowser}. */
    private Api api() {
        return Api.at(port);
    }
}
