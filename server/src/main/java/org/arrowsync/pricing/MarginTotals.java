package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** The sums of a customer's lines in one currency, as {@link MarginLine}s add up: buy, sell and what was billed. */
public record MarginTotals(
        UUID customerUuid, String customerName, String currency, BigDecimal buy, BigDecimal sell, BigDecimal billed) {

    /** Reads a row whose columns are named as the fields are, in snake case ({@code customer_uuid}, …). */
    public static MarginTotals read(ResultSet rs, int row) throws SQLException {
        return new MarginTotals(
                rs.getObject("customer_uuid", UUID.class),
                rs.getString("customer_name"),
                rs.getString("currency"),
                rs.getBigDecimal("buy"),
                rs.getBigDecimal("sell"),
                rs.getBigDecimal("billed"));
    }

    /** The totals of two sources of lines of the same customer and currency. */
    public MarginTotals plus(MarginTotals other) {
        return new MarginTotals(
                customerUuid,
                customerName,
                currency,
                buy.add(other.buy),
                sell.add(other.sell),
                billed.add(other.billed));
    }
}
