package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.support.TestLines;
import org.junit.jupiter.api.Test;

class KnownLineTests {

    @Test
    void aLinesContentHashIsTheNameBasedUuidOfItsNumbersAsEveryVersionStoredIt() {
        assertThat(KnownLine.contentHash(new BigDecimal("12.3400"), line("15.50000", "10.00000", "1.0000000000"), null))
                .isEqualTo(UUID.nameUUIDFromBytes("12.34|15.5|10|1".getBytes(StandardCharsets.UTF_8)))
                .hasToString("9f87fd16-409c-3d17-b86b-fb14a07a52e8");
        Random random = new Random(16);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 10_000_000, random.nextInt(8));
            BillingLine line = line(
                    BigDecimal.valueOf(random.nextInt(), 5).toPlainString(),
                    BigDecimal.valueOf(random.nextInt(), 5).toPlainString(),
                    BigDecimal.valueOf(random.nextInt(1_000), random.nextInt(11))
                            .toPlainString());
            String content = String.join(
                    "|",
                    amount.stripTrailingZeros().toPlainString(),
                    line.sellTotal().stripTrailingZeros().toPlainString(),
                    line.buyTotal().stripTrailingZeros().toPlainString(),
                    line.quantity().stripTrailingZeros().toPlainString());

            assertThat(KnownLine.contentHash(amount, line, null))
                    .isEqualTo(UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void numbersCompareAsNumbers() {
        assertThat(KnownLine.contentHash(new BigDecimal("1.50"), line("2.0", "3", "1"), null))
                .isEqualTo(KnownLine.contentHash(new BigDecimal("1.5"), line("2", "3.000", "1.00"), null))
                .isNotEqualTo(KnownLine.contentHash(new BigDecimal("1.5"), line("2", "3.001", "1"), null));
    }

    /** A line priced by a rule hashes apart from the same numbers priced by another rule, or by none. */
    @Test
    void theRuleThatPricedALineIsPartOfItsHash() {
        BillingLine line = line("2", "3", "1");
        UUID rule = UUID.fromString("0b7d6c1e-4f2a-4c3b-9d8e-112233445566");
        UUID other = UUID.fromString("0b7d6c1e-4f2a-4c3b-9d8e-112233445567");
        UUID priced = KnownLine.contentHash(BigDecimal.ONE, line, rule);

        assertThat(priced)
                .isNotEqualTo(KnownLine.contentHash(BigDecimal.ONE, line, null))
                .isNotEqualTo(KnownLine.contentHash(BigDecimal.ONE, line, other))
                .isEqualTo(KnownLine.contentHash(new BigDecimal("1.00"), line("2.0", "3", "1"), rule));
    }

    private static BillingLine line(String sell, String buy, String quantity) {
        return TestLines.line(
                "XSP700001", "Contoso", new BigDecimal(sell), new BigDecimal(buy), new BigDecimal(quantity));
    }
}
