package org.arrowsync.margins;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The margins of a month a customer is given free. */
class FreeMonthMarginsIntegrationTests extends IntegrationTest {

    static final String MARGINS = "/api/admin/arrow/reports/margins/";
    static final YearMonth MONTH = TestClock.closedMonth();
    static final String CONTOSO = "XSP700001";

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    /**
     * D252: a customer given its month free (a -100 % rule, which D45 allows): its lines of licenses consumption
     * tracking bills price at zero, so the billing sync records them as lines that bill nothing. Their buy and sell are
     * in the license-month's consumption record, and the margins count them once.
     */
    @Test
    void aFreeCustomersMarginsCountArrowsBuyOnce() {
        String settings = fixture.settings();
        var customers = fixture.mapAllCustomers();
        fixture.syncedResources(MONTH);
        fixture.markupRule(CONTOSO, MONTH, "-100");
        fixture.succeeded("trigger_consumption_sync", MONTH);
        fixture.succeeded("trigger_sync", MONTH);

        String contoso = customers.get(CONTOSO);
        BigDecimal buy = BigDecimal.ZERO;
        BigDecimal sell = BigDecimal.ZERO;
        for (BillingLine line : fixture.emulator().exportLines(MONTH)) {
            if (("XSP" + line.customerReference()).equals(CONTOSO)) {
                buy = buy.add(line.buyTotal());
                sell = sell.add(line.sellTotal());
            }
        }
        int tracked = jdbc.sql("""
                        select count(*) from consumption_records cr join arrow_settings s on s.id = cr.settings_id
                        join license_billing lb on lb.license_reference = cr.license_reference and lb.period = ?
                        where s.uuid = ?::uuid and lb.billed_by = 'consumption' and cr.billing_period = ?""")
                .params(MONTH.toString(), settings, MONTH.atDay(1))
                .query(Integer.class)
                .single();
        int zeroLinesOfTracked =
                jdbc.sql("""
                        select count(*) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        join license_billing lb on lb.license_reference = t.license_reference and lb.period = b.report_period
                        where s.uuid = ?::uuid and t.billed_via = 'zero' and lb.billed_by = 'consumption'""").param(settings).query(Integer.class).single();
        assertThat(tracked).as("license-months consumption tracking bills").isPositive();
        assertThat(zeroLinesOfTracked).as("their lines, recorded as zero lines").isPositive();

        JsonNode margins = api.get(MARGINS + "?period=" + MONTH + "&customer_uuid=" + contoso)
                .expect(200)
                .json();
        BigDecimal reportedBuy = BigDecimal.ZERO;
        BigDecimal reportedSell = BigDecimal.ZERO;
        for (JsonNode margin : margins) {
            reportedBuy = reportedBuy.add(new BigDecimal(margin.get("arrow_buy").asString()));
            reportedSell =
                    reportedSell.add(new BigDecimal(margin.get("arrow_sell").asString()));
            assertThat(new BigDecimal(margin.get("billed").asString())).isZero();
        }
        assertThat(reportedBuy).as("Arrow's buy of Contoso's month, once").isEqualByComparingTo(cents(buy));
        assertThat(reportedSell).as("Arrow's sell of Contoso's month, once").isEqualByComparingTo(cents(sell));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
