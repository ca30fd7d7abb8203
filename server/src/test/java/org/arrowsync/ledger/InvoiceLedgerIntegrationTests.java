package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.jobs.InvoiceClosing;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The ledger's rules through its service (as the billing features use it) and its HTTP API (as operators see it). */
class InvoiceLedgerIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    InvoiceService invoices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvoiceClosing closing;

    @Test
    void totalsAreSumsOfRoundedItemPrices() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice invoice = invoices.invoiceFor(customer, MONTH);
        invoices.addItem(invoice, item("Azure plan", "10.004", "1"));
        invoices.addItem(invoice, item("Seats", "3.3333333333", "3"));
        invoices.addItem(invoice, item("Credit", "-0.005", "1"));

        Response response =
                api.get("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/").expect(200);
        // 10.00 + 10.00 (9.9999999999) + -0.01 (half-up away from zero)
        assertThat(response.text("total")).isEqualTo("19.99");
        assertThat(response.text("state")).isEqualTo("pending");
        assertThat(response.json().get("items").size()).isEqualTo(3);
        assertThat(response.json().get("items").get(1).get("unit_price").asString())
                .isEqualTo("3.3333333333");
        JsonNode price = response.json().get("items").get(1).get("price");
        assertThat(price.isNumber())
                .as("a number, as Waldur writes an item's price")
                .isTrue();
        assertThat(price.decimalValue()).isEqualByComparingTo("10.00");
        assertThat(response.json().get("items").get(0).get("start").asString())
                .isEqualTo(MONTH.atDay(1).toString());
    }

    @Test
    void anInvoiceListsItsItemsInTheOrderTheyWereCreatedAndItemsCreatedTogetherByTheirIds() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice invoice = invoices.invoiceFor(customer, MONTH.minusMonths(3));
        InvoiceItem late = invoices.addItem(invoice, item("Created last", "1", "1"));
        InvoiceItem twin = invoices.addItem(invoice, item("Created first, added before its twin", "2", "1"));
        InvoiceItem otherTwin = invoices.addItem(invoice, item("Created first, added after its twin", "3", "1"));
        jdbc.sql("update invoice_items set created = created + interval '1 hour' where id = ?")
                .param(late.id())
                .update();
        jdbc.sql("update invoice_items set created = (select created from invoice_items where id = ?) where id = ?")
                .params(otherTwin.id(), twin.id())
                .update();
        List<String> order =
                List.of("Created first, added before its twin", "Created first, added after its twin", "Created last");

        assertThat(names(api.get("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/")
                        .expect(200)
                        .json()))
                .isEqualTo(order);
        JsonNode listed = api.get("/api/invoices/?customer_uuid=" + Uuids.hex(customer) + "&year=" + invoice.year()
                        + "&month=" + invoice.month())
                .expect(200)
                .json();
        assertThat(names(listed.get(0))).isEqualTo(order);
    }

    private static List<String> names(JsonNode invoice) {
        return invoice.get("items")
                .valueStream()
                .map(item -> item.get("name").asString())
                .toList();
    }

    @Test
    void invoicesAreListedByMonthThenCustomerNameAndFollowTheirCustomersRename() {
        YearMonth month = TestClock.currentMonth().minusYears(9);
        String alpha = fixture.customer(ArrowFixture.unique("Alpha"));
        String beta = fixture.customer(ArrowFixture.unique("Beta"));
        invoices.invoiceFor(Uuids.fromPath(beta), month);
        invoices.invoiceFor(Uuids.fromPath(alpha), month);
        String list = "/api/invoices/?year=" + month.getYear() + "&month=" + month.getMonthValue();
        assertThat(api.get(list).expect(200).texts("customer_name"))
                .hasSize(2)
                .first()
                .asString()
                .startsWith("Alpha");

        String renamed = ArrowFixture.unique("Zulu");
        api.patch("/api/customers/" + alpha + "/", Map.of("name", renamed)).expect(200);

        assertThat(api.get(list).expect(200).texts("customer_name")).last().isEqualTo(renamed);
    }

    @Test
    void oneInvoicePerCustomerAndMonth() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice first = invoices.invoiceFor(customer, MONTH.minusMonths(1));
        Invoice again = invoices.invoiceFor(customer, MONTH.minusMonths(1));
        assertThat(again.uuid()).isEqualTo(first.uuid());
        assertThat(api.get("/api/invoices/?customer_uuid=" + Uuids.hex(customer))
                        .expect(200)
                        .header("X-Result-Count"))
                .isEqualTo("1");
    }

    @Test
    void closedInvoicesRefuseEveryChange() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice invoice = invoices.invoiceFor(customer, MONTH.minusMonths(2));
        InvoiceItem item = invoices.addItem(invoice, item("Before closing", "5", "1"));

        api.post("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/set_state/", Map.of("state", "created"))
                .expect(200);

        assertThatThrownBy(() -> invoices.addItem(invoice, item("Late", "1", "1")))
                .isInstanceOf(InvoiceClosed.class);
        assertThatThrownBy(() -> invoices.changeItem(
                        item, "x", BigDecimal.ONE, BigDecimal.ONE, JsonNodeFactory.instance.objectNode()))
                .isInstanceOf(InvoiceClosed.class);
        assertThatThrownBy(() -> invoices.removeItem(item)).isInstanceOf(InvoiceClosed.class);
        assertThat(api.get("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/")
                        .expect(200)
                        .text("total"))
                .isEqualTo("5.00");

        Response backwards = api.post(
                        "/api/invoices/" + Uuids.hex(invoice.uuid()) + "/set_state/", Map.of("state", "pending"))
                .expect(400);
        assertThat(backwards.json().get("state").get(0).asString()).contains("cannot move from created to pending");
        api.post("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/set_state/", Map.of("state", "paid"))
                .expect(200);
        api.post("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/set_state/", Map.of("state", "canceled"))
                .expect(400);
        api.post("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/set_state/", Map.of("state", "bogus"))
                .expect(400);
        assertThat(api.post("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/set_state/", Map.of())
                        .expect(400)
                        .json()
                        .get("state")
                        .get(0)
                        .asString())
                .isEqualTo("This field is required.");
    }

    @Test
    void anInvoiceNeverMixesCurrencies() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice invoice = invoices.invoiceFor(customer, MONTH.minusMonths(3));
        invoices.addItem(invoice, item("EUR line", "1", "1"));
        InvoiceItemDraft dollars = new InvoiceItemDraft(
                "USD line",
                BigDecimal.ONE,
                BigDecimal.ONE,
                "quantity",
                "USD",
                null,
                null,
                null,
                null,
                JsonNodeFactory.instance.objectNode());
        assertThatThrownBy(() -> invoices.addItem(invoice, dollars)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void pastMonthsArePendingUntilTheClosingJobRuns() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice past = invoices.invoiceFor(customer, TestClock.currentMonth().minusYears(6));
        Invoice current = invoices.invoiceFor(customer, TestClock.currentMonth());

        assertThat(closing.closePastMonths()).isGreaterThanOrEqualTo(1);
        JsonNode entry = api.get("/api/admin/audit-log/?actor=schedule&action=invoices_close_past_months")
                .expect(200)
                .json()
                .get(0);
        assertThat(entry.get("request").get("invoices_closed").asInt())
                .as("D291: the audit log says the schedule closed them")
                .isPositive();
        assertThat(entry.get("status").isNull()).isTrue();

        assertThat(api.get("/api/invoices/" + Uuids.hex(past.uuid()) + "/")
                        .expect(200)
                        .text("state"))
                .isEqualTo("created");
        assertThat(api.get("/api/invoices/" + Uuids.hex(current.uuid()) + "/")
                        .expect(200)
                        .text("state"))
                .isEqualTo("pending");
    }

    @Test
    void invoiceItemsAreListedWithFiltersAndReadOnly() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice invoice = invoices.invoiceFor(customer, MONTH.minusMonths(4));
        InvoiceItem item = invoices.addItem(invoice, item("Listed", "2.5", "2"));

        Response list = api.get("/api/invoice-items/?invoice_uuid=" + Uuids.hex(invoice.uuid()))
                .expect(200);
        assertThat(list.header("X-Result-Count")).isEqualTo("1");
        JsonNode listed = list.json().get(0);
        assertThat(listed.get("price").decimalValue()).isEqualByComparingTo("5.00");
        // Waldur's InvoiceItemDetail: its clients read these keys on every item, null where there is no resource
        assertThat(listed.get("customer_uuid").asString()).isEqualTo(Uuids.hex(customer));
        assertThat(listed.get("customer_name").asString())
                .isEqualTo(api.get("/api/customers/" + Uuids.hex(customer) + "/")
                        .expect(200)
                        .text("name"));
        assertThat(listed.has("offering_uuid")).isTrue();
        assertThat(listed.get("offering_name").isNull()).isTrue();
        assertThat(listed.get("offering_component_type").isNull()).isTrue();
        assertThat(api.get("/api/invoice-items/?customer_uuid=" + Uuids.hex(customer) + "&year="
                                + MONTH.minusMonths(4).getYear() + "&month="
                                + MONTH.minusMonths(4).getMonthValue())
                        .expect(200)
                        .header("X-Result-Count"))
                .isEqualTo("1");
        api.get("/api/invoice-items/" + Uuids.hex(item.uuid()) + "/").expect(200);
        api.send("DELETE", "/api/invoice-items/" + Uuids.hex(item.uuid()) + "/", null)
                .expect(405);
    }

    @Test
    void anInvoiceEmbedsEachItemAsTheItemsOwnEndpointShowsItItsResourceIncluded() {
        fixture.settings();
        fixture.mapAllCustomers();
        fixture.licensedResources();
        fixture.syncedBilling(MONTH);

        int linked = 0;
        JsonNode page = api.get("/api/invoices/?page_size=100").expect(200).json();
        assertThat(page.size()).isPositive();
        for (JsonNode invoice : page) {
            assertThat(api.get("/api/invoices/" + invoice.get("uuid").asString() + "/")
                            .expect(200)
                            .json()
                            .get("items"))
                    .isEqualTo(invoice.get("items"));
            for (JsonNode item : invoice.get("items")) {
                ObjectNode detail = (ObjectNode)
                        api.get("/api/invoice-items/" + item.get("uuid").asString() + "/")
                                .expect(200)
                                .json();
                assertThat(detail.get("customer_uuid")).isEqualTo(invoice.get("customer_uuid"));
                assertThat(detail.get("customer_name")).isEqualTo(invoice.get("customer_name"));
                assertThat(detail.get("offering_uuid").asString(null))
                        .as("the offering of the resource an item bills")
                        .isEqualTo(
                                item.get("resource_uuid").isNull()
                                        ? null
                                        : api.get("/api/marketplace-resources/"
                                                        + item.get("resource_uuid")
                                                                .asString() + "/")
                                                .expect(200)
                                                .text("offering_uuid"));
                detail.remove(List.of(
                        "customer_uuid", "customer_name", "offering_uuid", "offering_name", "offering_component_type"));
                assertThat(item)
                        .as("the embedded item is the detail without its customer and offering")
                        .isEqualTo(detail);
                assertThat(item.get("invoice_uuid").asString())
                        .isEqualTo(invoice.get("uuid").asString());
                if (!item.get("resource_uuid").isNull()) {
                    linked++;
                }
            }
        }
        assertThat(linked).as("items billing a license's resource").isPositive();
    }

    @Test
    void itemsKeepEveryCharacterOfTheirTextAndNoneOfTheirNulls() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice invoice = invoices.invoiceFor(customer, MONTH.minusMonths(5));
        // Items are written with COPY's text format, where these characters (and a literal \N) mean something.
        String name = "Tab\there, line\nbreak\r, back\\slash, \\N not null, \\t not a tab, Zoë 東京 🚀";
        InvoiceItemDraft draft = item(
                name,
                "-0.0000000001",
                "12345678.5",
                JsonNodeFactory.instance.objectNode().put("note", name));

        invoices.addItems(invoice, List.of(item("First", "1", "1"), draft));

        // newest first: the item with the text is the second written
        JsonNode read = api.get("/api/invoice-items/?invoice_uuid=" + Uuids.hex(invoice.uuid()))
                .expect(200)
                .json()
                .get(0);
        assertThat(read.get("name").asString()).isEqualTo(name);
        assertThat(new BigDecimal(read.get("unit_price").asString())).isEqualByComparingTo("-0.0000000001");
        assertThat(new BigDecimal(read.get("quantity").asString())).isEqualByComparingTo("12345678.5");
        assertThat(read.get("details").get("note").asString()).isEqualTo(name);
        assertThat(read.get("start").asString()).isEqualTo(MONTH.atDay(1).toString());
        assertThat(read.get("resource_uuid").isNull()).isTrue();
    }

    @Test
    void anItemsDetailsAnswerAsTheyWereWritten() {
        UUID customer = Uuids.fromPath(fixture.customer());
        Invoice invoice = invoices.invoiceFor(customer, MONTH.minusMonths(6));
        // jsonb would answer these keys shortest first ({"b": ..., "nested": ..., "longest_key": ...}) and spaced
        ObjectNode details =
                JsonNodeFactory.instance.objectNode().put("longest_key", 1).put("b", "x\u0000y");
        details.putObject("nested").put("yy", 1).put("x", 2);
        invoices.addItems(invoice, List.of(item("Details", "1", "1", details)));

        String page = api.get("/api/invoice-items/?invoice_uuid=" + Uuids.hex(invoice.uuid()))
                .expect(200)
                .body();
        String oneInvoice = api.get("/api/invoices/" + Uuids.hex(invoice.uuid()) + "/")
                .expect(200)
                .body();

        // a NUL is kept as U+FFFD: PostgreSQL's JSON operators cannot make text of one
        String written = "\"details\":{\"longest_key\":1,\"b\":\"x\uFFFDy\",\"nested\":{\"yy\":1,\"x\":2}}";
        assertThat(page).contains(written);
        assertThat(oneInvoice).contains(written);
        assertThat(jdbc.sql("select it.details ->> 'b' from invoice_items it join invoices i on i.id = it.invoice_id"
                                + " where i.uuid = ?")
                        .param(invoice.uuid())
                        .query(String.class)
                        .single())
                .isEqualTo("x\uFFFDy");
    }

    private static InvoiceItemDraft item(String name, String unitPrice, String quantity) {
        return item(
                name, unitPrice, quantity, JsonNodeFactory.instance.objectNode().put("source", "test"));
    }

    private static InvoiceItemDraft item(String name, String unitPrice, String quantity, JsonNode details) {
        return new InvoiceItemDraft(
                name,
                new BigDecimal(unitPrice),
                new BigDecimal(quantity),
                "quantity",
                "EUR",
                MONTH.atDay(1),
                MONTH.atEndOfMonth(),
                null,
                null,
                details);
    }
}
