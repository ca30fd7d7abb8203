package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A license's monthly consumption for a range of report periods, with the totals of its lines.
 *
 * @param lines the lines of the months asked; a line of another month is left out (and noted)
 * @param notes what was wrong with single lines without making the report unusable, one text per finding
 * @param priced whether a line gives an amount: none does when every price cell is blank or {@code null}
 */
public record ConsumptionReport(
        List<String> headers,
        List<ConsumptionLine> lines,
        BigDecimal sellTotal,
        BigDecimal buyTotal,
        List<String> notes,
        boolean priced) {

    public ConsumptionReport {
        headers = List.copyOf(headers);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /**
     * The report of {@code from}..{@code to}. Lines of other months are left out; when every line is of another month
     * the API did not answer the months asked, which is a {@link PayloadProblem}.
     */
    static ConsumptionReport from(JsonNode data, YearMonth from, YearMonth to) {
        Columns columns = new Columns(Json.texts(Json.first(data, "headers", "Headers")));
        List<JsonNode> rows = Json.elements(Json.first(data, "lines", "Lines"));
        if (!rows.isEmpty() && columns.headers().isEmpty()) {
            throw new PayloadProblem("returned consumption lines without headers");
        }
        List<ConsumptionLine> lines = new ArrayList<>(rows.size());
        List<String> notes = new ArrayList<>();
        List<YearMonth> elsewhere = new ArrayList<>();
        BigDecimal sell = BigDecimal.ZERO;
        BigDecimal buy = BigDecimal.ZERO;
        boolean priced = false;
        for (int number = 1; number <= rows.size(); number++) {
            List<String> cells = Json.texts(rows.get(number - 1));
            ConsumptionLine line = ConsumptionLine.parse(columns, cells, number, notes);
            YearMonth period = line.reportPeriod();
            if (period != null && (period.isBefore(from) || period.isAfter(to))) {
                elsewhere.add(period);
                notes.add("consumption line " + number + " is of " + period + ", not of " + range(from, to)
                        + ": left out");
                continue;
            }
            lines.add(line);
            priced |= ConsumptionLine.priced(columns, cells);
            sell = sell.add(line.sellTotal());
            buy = buy.add(line.buyTotal());
        }
        if (lines.isEmpty() && !elsewhere.isEmpty()) {
            throw new PayloadProblem(
                    "returned consumption of " + elsewhere.get(0) + " when asked for " + range(from, to));
        }
        return new ConsumptionReport(columns.headers(), lines, sell, buy, notes, priced);
    }

    /**
     * This report, to bill from: refused when it has lines and none gives an amount. Such an answer is not a month that
     * cost nothing: read as zero, it took back what the month had been billed (D170). A line's blank price beside
     * priced ones still reads zero, as official mocks have.
     */
    ConsumptionReport billable() {
        if (!lines.isEmpty() && !priced) {
            throw new PayloadProblem("returned " + lines.size() + " consumption lines without any amount");
        }
        return this;
    }

    private static String range(YearMonth from, YearMonth to) {
        return from.equals(to) ? from.toString() : from + ".." + to;
    }
}
