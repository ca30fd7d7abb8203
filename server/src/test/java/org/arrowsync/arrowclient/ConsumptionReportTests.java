package org.arrowsync.arrowclient;

import static org.arrowsync.arrowclient.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ConsumptionReportTests {

    @Test
    void readsTheNodeSdkHeadersThroughTheCountryTotalFallbacks() {
        ConsumptionReport report = ConsumptionReport.from(json("""
                {'headers':['Report Period','Vendor Product Name','UOM','Level Chargeable Quantity',
                            'Country currency code','Country reseller total','Country customer total'],
                 'lines':[['2024-07','Virtual Machines','Hours',720,'EUR','80.5','100.25'],
                          ['2024-07','Storage','GB','12.5','EUR',1.5,2,'extra cell']]}
                """));
        assertThat(report.lines()).hasSize(2);
        assertThat(report.sellTotal()).isEqualByComparingTo("102.25");
        assertThat(report.buyTotal()).isEqualByComparingTo("82.0");
        ConsumptionLine first = report.lines().get(0);
        assertThat(first.reportPeriod()).isEqualTo(YearMonth.of(2024, 7));
        assertThat(first.vendorProductName()).isEqualTo("Virtual Machines");
        assertThat(first.unit()).isEqualTo("Hours");
        assertThat(first.quantity()).isEqualByComparingTo("720");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(report.lines().get(1).cells()).hasSize(8);
    }

    @Test
    void prefersTheTotalPriceColumnsWhenPresent() {
        ConsumptionReport report = ConsumptionReport.from(json("""
                {'headers':['Total sell price','Total buy price','Country customer total','Country reseller total'],
                 'lines':[['10','8','999','999'],['','','3','2']]}
                """));
        assertThat(report.sellTotal()).isEqualByComparingTo("13");
        assertThat(report.buyTotal()).isEqualByComparingTo("10");
    }

    @Test
    void toleratesShortRowsAndNoLines() {
        ConsumptionReport shortRows = ConsumptionReport.from(json("""
                {'headers':['Report Period','Total sell price','Total buy price'],'lines':[['2024-07']]}
                """));
        assertThat(shortRows.sellTotal()).isZero();
        assertThat(ConsumptionReport.from(json("{'headers':['A'],'lines':[]}")).lines())
                .isEmpty();
        assertThat(ConsumptionReport.from(json("{}")).sellTotal()).isZero();
    }

    @Test
    void anUnreadableAmountFailsTheReportInsteadOfCountingZero() {
        assertThatThrownBy(() -> ConsumptionReport.from(json("""
                {'headers':['Total sell price'],'lines':[['1'],['n/a']]}
                """)))
                .isInstanceOf(PayloadProblem.class)
                .hasMessage("consumption line 2: unreadable amount in Total sell price: 'n/a'");
    }

    @Test
    void linesWithoutHeadersAreABadPayload() {
        assertThatThrownBy(() -> ConsumptionReport.from(json("{'lines':[['1']]}")))
                .isInstanceOf(PayloadProblem.class);
    }

    @Test
    void predictionSumsConsumedSellAndBuy() {
        ConsumptionPrediction prediction = ConsumptionPrediction.from(json("""
                {'currency':'EUR','reportPeriod':'2024-08','billingStartDate':'2024-08-01',
                 'values':[{'consumed':{'buy':10.5,'sell':12,'list':20},'estimatedMin':1,'estimatedMax':2},
                           {'consumed':{'buy':'1.5','sell':'3'}}]}
                """));
        assertThat(prediction)
                .isEqualTo(new ConsumptionPrediction(
                        "EUR", YearMonth.of(2024, 8), prediction.sellTotal(), prediction.buyTotal()));
        assertThat(prediction.sellTotal()).isEqualByComparingTo("15");
        assertThat(prediction.buyTotal()).isEqualByComparingTo("12");
    }
}
