package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL rounds an amount as {@link Money#rounded} does, in every currency's minor unit. */
class MoneyInSqlIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource({
        "205.005, EUR",
        "-205.005, EUR",
        "0.0049999999, EUR",
        "1234.5, JPY",
        "-0.5, JPY",
        "1.0005, KWD",
        "-1.0004999, BHD",
        "7.125, XYZ",
        "7.125, ''"
    })
    void anAmountIsRoundedInSqlAsInJava(String amount, String currency) {
        BigDecimal rounded = jdbc.sql("select " + Money.roundedInSql("cast(? as numeric)", "cast(? as text)"))
                .params(amount, currency)
                .query(BigDecimal.class)
                .single();

        assertThat(rounded).isEqualTo(Money.rounded(new BigDecimal(amount), currency));
    }
}
