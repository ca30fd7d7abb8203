package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportRow;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Periods;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Pass-through looks at Arrow for operators: a billing export as rows, one license as Arrow describes it. */
@Service
class ArrowLookups {

    static final int SHOWN_ROWS = 100;
    static final int MAX_MONTHS = 6;

    private final SettingsService settings;
    private final ArrowClients clients;

    ArrowLookups(SettingsService settings, ArrowClients clients) {
        this.settings = settings;
        this.clients = clients;
    }

    ExportRows billingExport(String periodFrom, String periodTo, String classification) {
        FieldErrors errors = new FieldErrors();
        errors.required("period_from", periodFrom);
        errors.required("period_to", periodTo);
        errors.optionalText("classification", classification, 50);
        errors.throwIfAny();
        Range range = Range.of(periodFrom, periodTo);
        Settings active = settings.resolve(null).requireExportTemplate();
        String chosen = classification == null ? active.classificationFilter() : classification;
        ExportQuery query = new ExportQuery(
                active.exportTypeReference(), range.from(), range.to(), List.of(), List.of(), List.of());
        if (chosen != null && !chosen.isBlank()) {
            query = query.withClassifications(List.of(chosen));
        }
        List<Map<String, String>> shown = new ArrayList<>();
        long[] count = {0};
        client(active).forEachExportPage(query, page -> {
            for (ExportRow row : page.rows()) {
                count[0]++;
                if (shown.size() < SHOWN_ROWS) {
                    shown.add(row.asMap());
                }
            }
        });
        return new ExportRows(periodFrom.strip(), periodTo.strip(), chosen == null ? "" : chosen, count[0], shown);
    }

    JsonNode license(String reference) {
        FieldErrors errors = new FieldErrors();
        errors.requiredText("license_reference", reference, 255);
        errors.throwIfAny();
        return client(settings.resolve(null)).license(reference.trim()).raw();
    }

    private ArrowClient client(Settings chosen) {
        return clients.connect(chosen.connection());
    }

    /** {@code data}: each row's cells by column name; a cell Arrow leaves empty is {@code null}. */
    @Schema(name = "FetchBillingExportResponse")
    record ExportRows(
            String periodFrom,
            String periodTo,
            String classification,
            long rowCount,

            @ArraySchema(
                    schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE))
            List<Map<String, String>> data) {}

    /** A span of report months as Arrow accepts it: well-formed, in order, at most six months. */
    record Range(YearMonth from, YearMonth to) {

        static Range of(String from, String to) {
            FieldErrors errors = new FieldErrors();
            YearMonth start = Periods.parse(errors, "period_from", from);
            YearMonth end = Periods.parse(errors, "period_to", to);
            Periods.requireRange(errors, start, end, MAX_MONTHS);
            errors.throwIfAny();
            return new Range(start, end);
        }
    }
}
