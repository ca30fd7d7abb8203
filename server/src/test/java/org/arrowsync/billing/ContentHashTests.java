package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentHashTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "0",
                "0.0000000000",
                "0E+5",
                "1",
                "-1",
                "10",
                "100.00",
                "1E+3",
                "-1E+3",
                "12.3400",
                "-0.5",
                "0.0001",
                "-0.000120",
                "123456789012.3456789012",
                "999999999999999999",
                "-999999999999999999",
                "1000000000000000000",
                "0.999999999999999999",
                "12345678901234567890.123",
                "-1E-30",
                "5E+17",
                "9.9999999999",
                "100000000000000000.0"
            })
    void writesEachNumberAsItsStrippedPlainText(String number) {
        BigDecimal value = new BigDecimal(number);

        assertThat(ContentHash.of(value, BigDecimal.ONE)).isEqualTo(reference(value, BigDecimal.ONE));
    }

    @Test
    void agreesWithTheTextOnRandomNumbersOfEveryScaleAndSize() {
        Random random = new Random(75);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal[] numbers = new BigDecimal[4];
            for (int n = 0; n < numbers.length; n++) {
                BigInteger unscaled = switch (random.nextInt(4)) {
                    case 0 -> BigInteger.valueOf(random.nextInt(1_000));
                    case 1 -> BigInteger.valueOf(random.nextLong());
                    case 2 -> BigInteger.valueOf(random.nextLong() % 1_000_000_000_000L * 100_000);
                    default -> new BigInteger(90, random).negate();
                };
                numbers[n] = new BigDecimal(unscaled, random.nextInt(40) - 8);
            }

            assertThat(ContentHash.of(numbers)).as("%s", (Object) numbers).isEqualTo(reference(numbers));
        }
    }

    private static UUID reference(BigDecimal... numbers) {
        StringBuilder text = new StringBuilder();
        for (BigDecimal number : numbers) {
            if (!text.isEmpty()) {
                text.append('|');
            }
            text.append(number.stripTrailingZeros().toPlainString());
        }
        return UUID.nameUUIDFromBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
