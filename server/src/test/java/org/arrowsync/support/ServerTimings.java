package org.arrowsync.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An answer's {@code Server-Timing} as the server writes it: {@code app;dur=20.1, count;dur=1.2, ...} (D234). */
public final class ServerTimings {

    private static final Pattern METRIC = Pattern.compile("(\\w+);dur=(\\d+\\.\\d)");

    private ServerTimings() {}

    /** Each part's milliseconds, in the header's order; a header not of that form fails. */
    public static Map<String, Double> parse(String header) {
        if (header == null) {
            throw new AssertionError("no Server-Timing");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String metric : header.split(", ")) {
            Matcher matcher = METRIC.matcher(metric);
            if (!matcher.matches()) {
                throw new AssertionError("not a Server-Timing metric: " + metric + " in " + header);
            }
            metrics.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return metrics;
    }
}
