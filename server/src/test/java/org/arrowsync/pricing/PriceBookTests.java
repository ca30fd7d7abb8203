package org.arrowsync.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.arrowsync.settings.PriceSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceBookTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final long CONTOSO = 1;
    static final long FABRIKAM = 2;

    /** One rule of each precedence; the markup names the rule, so the price tells which one applied. */
    static final List<PriceRule> EVERY_PRECEDENCE = List.of(
            rule(null, null, null, "1"),
            rule(null, null, "SAAS", "2"),
            rule(null, "Microsoft", null, "3"),
            rule(null, "Microsoft", "SAAS", "4"),
            rule(CONTOSO, null, null, "5"),
            rule(CONTOSO, null, "SAAS", "6"),
            rule(CONTOSO, "Microsoft", null, "7"),
            rule(CONTOSO, "Microsoft", "SAAS", "8"));

    @ParameterizedTest(name = "customer {0}, {1}, {2} → rule +{3}%")
    @CsvSource({
        "1, Microsoft,           SAAS, 8",
        "1, MICROSOFT ,          saas, 8",
        "1, Microsoft,           IAAS, 7",
        "1, Amazon Web Services, SAAS, 6",
        "1, Amazon Web Services, IAAS, 5",
        "2, Microsoft,           SAAS, 4",
        "2, Microsoft,           IAAS, 3",
        "2, Amazon Web Services, SAAS, 2",
        "2, Amazon Web Services, IAAS, 1",
        "2, ,                    ,     1",
    })
    void theMostSpecificMatchingRulePricesALine(long customer, String vendor, String classification, String markup) {
        Price price = new PriceBook(PriceSource.SELL, EVERY_PRECEDENCE)
                .price(OCTOBER, amount(customer, vendor, classification, "100", "80"));
        assertThat(price.markupPercent()).isEqualByComparingTo(markup);
        assertThat(price.billed())
                .isEqualByComparingTo(new BigDecimal("80").add(new BigDecimal(markup).multiply(new BigDecimal("0.8"))));
    }

    @Test
    void withoutAMatchingRuleTheSettingsPriceSourceBillsTheAmountUnchanged() {
        PriceBook book = new PriceBook(PriceSource.BUY, List.of(rule(CONTOSO, "Microsoft", null, "10")));
        Price price = book.price(OCTOBER, amount(FABRIKAM, "Microsoft", "IAAS", "12.3456789012", "10.0000000001"));
        assertThat(price.billed()).isEqualTo(new BigDecimal("10.0000000001"));
        assertThat(price.ruleUuid()).isNull();
        assertThat(price.base()).isEqualTo(PriceSource.BUY);
        assertThat(price.margin()).isEqualByComparingTo("0");
    }

    @Test
    void aMarkupIsAPercentOfItsBaseKeptAtTenDecimalsAndADiscountIsNegative() {
        PriceRule markup = new PriceRule(
                1,
                UUID.randomUUID(),
                1,
                null,
                null,
                null,
                null,
                null,
                PriceSource.BUY,
                new BigDecimal("12.5"),
                OCTOBER,
                null,
                "",
                null,
                null);
        PriceRule discount = new PriceRule(
                2,
                UUID.randomUUID(),
                1,
                null,
                null,
                null,
                null,
                null,
                PriceSource.SELL,
                new BigDecimal("-3.3333"),
                OCTOBER,
                null,
                "",
                null,
                null);
        ArrowAmount amount = amount(CONTOSO, "Microsoft", "IAAS", "-7.00000", "0.12345");
        assertThat(new PriceBook(PriceSource.SELL, List.of(markup))
                        .price(OCTOBER, amount)
                        .billed())
                .isEqualTo(new BigDecimal("0.1388812500"));
        Price credit = new PriceBook(PriceSource.SELL, List.of(discount)).price(OCTOBER, amount);
        assertThat(credit.billed()).isEqualTo(new BigDecimal("-6.7666690000"));
        assertThat(credit.margin()).isEqualByComparingTo("-6.8901190000");
    }

    @Test
    void aRuleAppliesFromItsFirstToItsLastMonthInclusive() {
        PriceRule autumn = new PriceRule(
                1,
                UUID.randomUUID(),
                1,
                null,
                null,
                null,
                null,
                null,
                PriceSource.SELL,
                BigDecimal.TEN,
                YearMonth.of(2026, 9),
                YearMonth.of(2026, 10),
                "",
                null,
                null);
        PriceBook book = new PriceBook(PriceSource.SELL, List.of(autumn));
        ArrowAmount amount = amount(CONTOSO, "Microsoft", "IAAS", "100", "80");
        assertThat(book.price(YearMonth.of(2026, 8), amount).billed()).isEqualByComparingTo("100");
        assertThat(book.price(YearMonth.of(2026, 9), amount).billed()).isEqualByComparingTo("110");
        assertThat(book.price(OCTOBER, amount).billed()).isEqualByComparingTo("110");
        assertThat(book.price(YearMonth.of(2026, 11), amount).billed()).isEqualByComparingTo("100");
    }

    @ParameterizedTest(name = "{0}..{1} against 2026-03..2026-06: {2}")
    @CsvSource({
        "2026-01, 2026-02, false",
        "2026-01, 2026-03, true",
        "2026-06,        , true",
        "2026-07,        , false",
        "2026-04, 2026-05, true",
        "2025-01,        , true",
    })
    void rulesOfTheSamePrecedenceOverlapWhenTheirMonthsDo(String from, String to, boolean overlaps) {
        PriceRule spring = rule(CONTOSO, "Microsoft", null, "10", "2026-03", "2026-06");
        PriceRule other = rule(CONTOSO, " microsoft", null, "20", from, to);
        assertThat(spring.overlaps(other)).isEqualTo(overlaps);
        assertThat(other.overlaps(spring)).isEqualTo(overlaps);
    }

    @Test
    void rulesOfAnotherCustomerVendorOrClassificationNeverOverlap() {
        PriceRule contoso = rule(CONTOSO, "Microsoft", null, "10");
        assertThat(contoso.overlaps(rule(FABRIKAM, "Microsoft", null, "10"))).isFalse();
        assertThat(contoso.overlaps(rule(CONTOSO, "Amazon Web Services", null, "10")))
                .isFalse();
        assertThat(contoso.overlaps(rule(CONTOSO, "Microsoft", "IAAS", "10"))).isFalse();
        assertThat(contoso.overlaps(rule(CONTOSO, null, null, "10"))).isFalse();
    }

    private static PriceRule rule(Long customer, String vendor, String classification, String markup) {
        return rule(customer, vendor, classification, markup, "2026-01", null);
    }

    private static PriceRule rule(
            Long customer, String vendor, String classification, String markup, String from, String to) {
        return new PriceRule(
                1,
                UUID.randomUUID(),
                1,
                null,
                null,
                customer,
                vendor,
                classification,
                PriceSource.BUY,
                new BigDecimal(markup),
                YearMonth.parse(from),
                to == null ? null : YearMonth.parse(to),
                "",
                null,
                null);
    }

    private static ArrowAmount amount(long customer, String vendor, String classification, String sell, String buy) {
        return new ArrowAmount(customer, vendor, classification, new BigDecimal(sell), new BigDecimal(buy));
    }
}
