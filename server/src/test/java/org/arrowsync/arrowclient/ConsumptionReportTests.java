package org.arrowsync.arrowclient;

import static org.arrowsync.arrowclient.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConsumptionReportTests {

    private static final YearMonth JULY = YearMonth.of(2024, 7);

    private static ConsumptionReport july(JsonNode data) {
        return ConsumptionReport.from(data, JULY, JULY);
    }

    @Test
    void readsTheNodeSdkHeadersThroughTheCountryTotalFallbacks() {
        ConsumptionReport report = july(json("""
                {'headers':['Report Period','Vendor Product Name','UOM','Level Chargeable Quantity',
                            'Country currency code','Country reseller total','Country customer total'],
                 'lines':[['2024-07','Virtual Machines','Hours',720,'EUR','80.5','100.25'],
                          ['2024-07','Storage','GB','12.5','EUR',1.5,2]]}
                """));
        assertThat(report.lines()).hasSize(2);
        assertThat(report.sellTotal()).isEqualByComparingTo("102.25");
        assertThat(report.buyTotal()).isEqualByComparingTo("82.0");
        ConsumptionLine first = report.lines().get(0);
        assertThat(first.reportPeriod()).isEqualTo(JULY);
        assertThat(first.vendorProductName()).isEqualTo("Virtual Machines");
        assertThat(first.unit()).isEqualTo("Hours");
        assertThat(first.quantity()).isEqualByComparingTo("720");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void prefersTheTotalPriceColumnsWhenPresent() {
        ConsumptionReport report = july(json("""
                {'headers':['Total sell price','Total buy price','Country customer total','Country reseller total'],
                 'lines':[['10','8','999','999'],['','','3','2']]}
                """));
        assertThat(report.sellTotal()).isEqualByComparingTo("13");
        assertThat(report.buyTotal()).isEqualByComparingTo("10");
    }

    @Test
    void toleratesShortRowsAndNoLines() {
        ConsumptionReport shortRows = july(json("""
                {'headers':['Report Period','Total sell price','Total buy price'],'lines':[['2024-07'],['2024-07',2]]}
                """));
        assertThat(shortRows.sellTotal()).isEqualByComparingTo("2");
        assertThat(shortRows.buyTotal()).isZero();
        assertThat(july(json("{'headers':['A'],'lines':[]}")).lines()).isEmpty();
        assertThat(july(json("{}")).sellTotal()).isZero();
    }

    /**
     * Lines none of which gives an amount are an answer without amounts, not a month that cost nothing: read as zero
     * they took back what the month had been billed.
     */
    @Test
    void linesWithoutAnyAmountAreRefusedToBill() {
        ConsumptionReport unpriced = july(json("""
                {'headers':['Report Period','Country reseller total','Country customer total'],
                 'lines':[['2024-07','',''],['2024-07','null',null],['2024-07']]}
                """));
        assertThat(unpriced.priced()).isFalse();
        assertThat(unpriced.lines()).as("shown as they came").hasSize(3);
        assertThatThrownBy(unpriced::billable)
                .isInstanceOf(PayloadProblem.class)
                .hasMessageContaining("3 consumption lines without any amount");
    }

    @Test
    void nullAndEmptyPriceCellsAreAbsent() {
        ConsumptionReport report = july(json("""
                {'headers':['Report Period','Total sell price','Total buy price'],
                 'lines':[['2024-07','null','NULL'],['2024-07','',''],['2024-07',4,3]]}
                """));
        assertThat(report.lines()).hasSize(3);
        assertThat(report.sellTotal()).isEqualByComparingTo("4");
        assertThat(report.buyTotal()).isEqualByComparingTo("3");
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void textInANonAmountColumnAndSurplusCellsAreNotedAndTheLineKept() {
        ConsumptionReport report = july(json("""
                {'headers':['Report Period','Level Chargeable Quantity','Total sell price'],
                 'lines':[['2024-07','Tiered Block Blob',5,'westeurope',0.0177867],['2024-07',2,1]]}
                """));
        assertThat(report.lines()).hasSize(2);
        assertThat(report.lines().get(0).quantity()).isNull();
        assertThat(report.sellTotal()).isEqualByComparingTo("6");
        assertThat(report.notes())
                .containsExactly(
                        "consumption line 1: unreadable amount in Level Chargeable Quantity: 'Tiered Block Blob'",
                        "consumption line 1: 5 cells for 3 headers, the surplus ignored");
    }

    @Test
    void anUnreadableAmountFailsTheReportInsteadOfCountingZero() {
        assertThatThrownBy(() -> july(json("""
                {'headers':['Total sell price'],'lines':[['1'],['n/a']]}
                """)))
                .isInstanceOf(PayloadProblem.class)
                .hasMessage("consumption line 2: unreadable amount in Total sell price: 'n/a'");
    }

    @Test
    void aLineOfAnotherMonthIsLeftOutAndAnAnswerOfAnotherMonthRefused() {
        ConsumptionReport report = july(json("""
                {'headers':['Report Period','Total sell price'],'lines':[['2024-07',5],['2024-06',7]]}
                """));
        assertThat(report.sellTotal()).isEqualByComparingTo("5");
        assertThat(report.notes()).containsExactly("consumption line 2 is of 2024-06, not of 2024-07: left out");
        assertThat(ConsumptionReport.from(
                                json(
                                        "{'headers':['Report Period','Total sell price'],'lines':[['2024-06',1],['2024-07',2]]}"),
                                YearMonth.of(2024, 6),
                                JULY)
                        .lines())
                .hasSize(2);
        assertThatThrownBy(() -> july(json("""
                {'headers':['Report Period','Total sell price'],'lines':[['2024-11',5]]}
                """)))
                .isInstanceOf(PayloadProblem.class)
                .hasMessage("returned consumption of 2024-11 when asked for 2024-07");
    }

    @Test
    void linesWithoutHeadersAreABadPayload() {
        assertThatThrownBy(() -> july(json("{'lines':[['1']]}"))).isInstanceOf(PayloadProblem.class);
    }

    @Test
    void waldursPredictionSumsConsumedSellAndBuy() {
        ConsumptionPrediction prediction = ConsumptionPrediction.fromMonthly(json("""
                {'currency':'EUR','reportPeriod':'2024-08','billingStartDate':'2024-08-01',
                 'values':[{'consumed':{'buy':10.5,'sell':12,'list':20},'estimatedMin':1,'estimatedMax':2},
                           {'consumed':{'buy':'1.5','sell':'3'}}]}
                """));
        assertThat(prediction.currency()).isEqualTo("EUR");
        assertThat(prediction.reportPeriod()).isEqualTo(YearMonth.of(2024, 8));
        assertThat(prediction.sellTotal()).isEqualByComparingTo("15");
        assertThat(prediction.buyTotal()).isEqualByComparingTo("12");
    }

    /** No consumed amount is no consumption to bill (D170): the fallback would take back what the month was billed. */
    @Test
    void aPredictionWithoutAnyConsumedAmountIsRefused() {
        for (String data : List.of(
                "{'currency':'EUR','values':[]}", "{'values':[{'consumed':{'sell':null}},{'estimatedMin':1}]}")) {
            assertThatThrownBy(() -> ConsumptionPrediction.fromMonthly(json(data)))
                    .as(data)
                    .isInstanceOf(PayloadProblem.class)
                    .hasMessageContaining("no consumed amount");
        }
    }
}
