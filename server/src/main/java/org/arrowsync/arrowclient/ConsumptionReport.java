package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A license's monthly consumption for a range of report periods, with the totals of its lines. */
public record ConsumptionReport(
        List<String> headers, List<ConsumptionLine> lines, BigDecimal sellTotal, BigDecimal buyTotal) {

    public ConsumptionReport {
        headers = List.copyOf(headers);
        lines = List.copyOf(lines);
    }

    static ConsumptionReport from(JsonNode data) {
        Columns columns = new Columns(Json.texts(Json.first(data, "headers", "Headers")));
        List<JsonNode> rows = Json.elements(Json.first(data, "lines", "Lines"));
        if (!rows.isEmpty() && columns.headers().isEmpty()) {
            throw new PayloadProblem("returned consumption lines without headers");
        }
        List<ConsumptionLine> lines = new ArrayList<>(rows.size());
        BigDecimal sell = BigDecimal.ZERO;
        BigDecimal buy = BigDecimal.ZERO;
        for (JsonNode row : rows) {
            ConsumptionLine line = ConsumptionLine.parse(columns, Json.texts(row), lines.size() + 1);
            lines.add(line);
            sell = sell.add(line.sellTotal());
            buy = buy.add(line.buyTotal());
        }
        return new ConsumptionReport(columns.headers(), lines, sell, buy);
    }
}
