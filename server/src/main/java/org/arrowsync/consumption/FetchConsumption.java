package org.arrowsync.consumption;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ConsumptionLine;
import org.arrowsync.arrowclient.ConsumptionReport;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Periods;
import org.springframework.stereotype.Service;

/**
 * {@code fetch_consumption}: one license's raw consumption rows of one month, straight from Arrow, for operators to
 * inspect.
 */
@Service
class FetchConsumption {

    static final int SHOWN_ROWS = 100;

    private final SettingsService settings;
    private final ArrowClients clients;

    FetchConsumption(SettingsService settings, ArrowClients clients) {
        this.settings = settings;
        this.clients = clients;
    }

    FetchConsumptionResponse fetch(String licenseReference, String period) {
        FieldErrors errors = new FieldErrors();
        errors.requiredText("license_reference", licenseReference, 255);
        YearMonth month = errors.required("period", period) ? Periods.parse(errors, "period", period) : null;
        errors.throwIfAny();
        // No resource names a mapping here, so the active settings answer (D18 applies where a resource is named).
        Settings active = settings.resolve(null);
        String reference = licenseReference.strip(); // as DRF trims a field, and as the license look-up does
        ConsumptionReport report = clients.connect(active.connection()).monthlyConsumption(reference, month, month);
        List<Map<String, String>> rows = report.lines().stream()
                .limit(SHOWN_ROWS)
                .map(line -> row(report.headers(), line))
                .toList();
        return new FetchConsumptionResponse(
                reference, month.toString(), report.lines().size(), rows);
    }

    private static Map<String, String> row(List<String> headers, ConsumptionLine line) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            row.put(headers.get(i), i < line.cells().size() ? line.cells().get(i) : null);
        }
        return row;
    }

    /** The contract's {@code FetchConsumptionResponse}. */
    record FetchConsumptionResponse(
            String licenseReference, String period, int rowCount, List<Map<String, String>> data) {}
}
