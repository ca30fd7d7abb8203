package org.arrowsync.console;

import static java.util.stream.Collectors.joining;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.arrowsync.billing.SyncState;
import org.arrowsync.jobs.Job;
import org.arrowsync.pricing.PriceRule;
import org.arrowsync.pricing.PriceRuleService;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * How the console writes amounts, times and months ({@code @consoleFormat} in templates): amounts to the cent with
 * thousands separators, times in UTC as the API gives them. Presentation only.
 */
@Component("consoleFormat")
public class ConsoleFormat {

    static final int BRIEF = 140;
    /** A decimal number as JSON carries an amount in text. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}\\.\\d{1,40}");

    private final Clock clock;

    ConsoleFormat(Clock clock) {
        this.clock = clock;
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** When a record was saved: to the second, as two saved by a setup run twice in a minute read apart. */
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** An amount to the cent: a figure over several currencies, or of no one currency. */
    public String money(BigDecimal amount) {
        return money(amount, 2);
    }

    /** An amount to its currency's minor unit, as its invoice bills it: whole yen, dinars to the fils. */
    public String money(BigDecimal amount, String currency) {
        return money(amount, Money.minorUnits(currency));
    }

    private static String money(BigDecimal amount, int decimals) {
        if (amount == null) {
            return "–";
        }
        DecimalFormat format = new DecimalFormat(
                decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** A unit price: cents always, and the further digits it has (a line's price per unit may have five). */
    public String unitPrice(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00########", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return format.format(amount);
    }

    /** An amount with its sign always shown, for differences. */
    public String signed(BigDecimal amount) {
        return signed(amount, null);
    }

    /** An amount in its currency with its sign always shown. */
    public String signed(BigDecimal amount, String currency) {
        if (amount == null) {
            return "–";
        }
        return (amount.signum() > 0 ? "+" : "") + money(amount, currency);
    }

    /** Amounts per currency, each to its minor unit and signed: {@code +12.00 EUR, -300 JPY}. */
    public String totals(Map<String, BigDecimal> byCurrency) {
        return byCurrency.entrySet().stream()
                .map(total -> signed(total.getValue(), total.getKey()) + " " + total.getKey())
                .collect(joining(", "));
    }

    /**
     * A refusal as the console words it: the API keeps Waldur's wording of a reference that names nothing, and names
     * its fields as the wire does, which read oddly beside a form's labels.
     */
    public String message(String text) {
        if (text == null) {
            return "";
        }
        return switch (text) {
            case InvalidInput.DOES_NOT_EXIST -> "Nothing has this UUID.";
            case Uuids.NOT_A_REFERENCE -> "Must be a valid UUID.";
            case PriceRuleService.VALID_TO_BEFORE_VALID_FROM -> "The last month must not be before the first.";
            case Periods.BACKWARDS -> "The To month must not be before the From month.";
            default -> text;
        };
    }

    /** A number a form sent back (a confidence shown before), or null where it is none. */
    static Double fraction(String value) {
        try {
            Double number = value == null || value.isBlank() ? null : Double.valueOf(value);
            return number == null || number.isNaN() || number.isInfinite() ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A long message cut to what a table cell or card holds; the whole text goes into the element's title. */
    public String brief(String text) {
        return text == null || text.length() <= BRIEF ? text : text.substring(0, BRIEF - 1) + "…";
    }

    /**
     * A settings record by its Arrow partner's name (else its API's address), told apart from the others of the same
     * partner (a setup run again over the same account saves a new record): whether it is the active one, and when an
     * inactive one was saved.
     */
    public String settingsLabel(Settings settings) {
        String name = settings.partnerName() == null || settings.partnerName().isBlank()
                ? settings.apiUrl()
                : settings.partnerName();
        return name + (settings.active() ? " (active)" : " (inactive, saved " + saved(settings.created()) + ")");
    }

    public String saved(Instant instant) {
        return instant == null ? "never" : SAVED.format(instant);
    }

    public String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }

    public String month(YearMonth period) {
        return period == null ? "" : MONTH.format(period);
    }

    /** The month of a date that stands for one (a consumption record's billing period, its first day). */
    public String month(LocalDate firstDay) {
        return firstDay == null ? "" : month(YearMonth.from(firstDay));
    }

    public String month(String period) {
        return period == null || period.isBlank() ? "" : month(YearMonth.parse(period));
    }

    /** How long a job ran or has been running. */
    public String duration(Instant from, Instant to) {
        if (from == null) {
            return "";
        }
        Duration took = Duration.between(from, to == null ? clock.instant() : to);
        long seconds = Math.max(0, took.toSeconds());
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    /**
     * The named values of a job's parameters, counts or result, in their order, in words: a list's entries apart by
     * semicolons, an entry's values by commas; a value not given (null, empty) is left out.
     */
    public List<Field> fields(JsonNode node) {
        List<Field> fields = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(entry -> {
                String value = words(entry.getValue());
                if (!value.isEmpty()) {
                    fields.add(new Field(label(entry.getKey()), value, entries(entry.getValue())));
                }
            });
        }
        return fields;
    }

    /** A list of objects (a result's customers) entry by entry, each in words; none for any other value. */
    private static List<String> entries(JsonNode value) {
        if (!value.isArray() || value.valueStream().noneMatch(JsonNode::isObject)) {
            return List.of();
        }
        return value.valueStream()
                .map(ConsoleFormat::words)
                .filter(text -> !text.isEmpty())
                .toList();
    }

    private static String label(String key) {
        return key.replace('_', ' ');
    }

    private static String words(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            return value.valueStream()
                    .map(ConsoleFormat::words)
                    .filter(text -> !text.isEmpty())
                    .collect(joining("; "));
        }
        if (value.isObject()) {
            return value.properties().stream()
                    .map(entry -> {
                        String text = words(entry.getValue());
                        return text.isEmpty() ? "" : label(entry.getKey()) + " " + text;
                    })
                    .filter(text -> !text.isEmpty())
                    .collect(joining(", "));
        }
        if (value.isNumber()) {
            return plain(value.decimalValue());
        }
        String text = value.asString().strip();
        return DECIMAL.matcher(text).matches() ? plain(new BigDecimal(text)) : text;
    }

    /** An amount as the database's scale writes it (5497.49983000000000000000), without the zeros that say nothing. */
    private static String plain(BigDecimal number) {
        if (number.scale() <= 2) {
            return number.toPlainString();
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
    }

    /** The strings of a JSON array (a job's first errors). */
    public List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(value -> strings.add(value.asString()));
        }
        return strings;
    }

    /** A named value in words; {@code entries}: the same value entry by entry, when it lists objects. */
    public record Field(String name, String value, List<String> entries) {}

    /**
     * Where to see what a job changed: its month for billing work, the consumption page for consumption work, the
     * month's margins for a re-pricing.
     */
    public String changedAt(Job job) {
        UUID settings = job.settingsUuid();
        if (settings == null) {
            return null;
        }
        return switch (job.kind()) {
            case BILLING_SYNC, BILLING_RECONCILIATION ->
                job.period() == null ? null : "/months/" + Uuids.hex(settings) + "/" + job.period();
            case BILLING_VALIDATION -> "/months";
            case CONSUMPTION_SYNC, CONSUMPTION_RECONCILIATION -> "/consumption?settings=" + Uuids.hex(settings);
            case REPRICE ->
                job.period() == null ? null : "/margins?settings=" + Uuids.hex(settings) + "&month=" + job.period();
        };
    }

    /** How a price rule prices: its base and markup, e.g. {@code buy + 10%}, {@code sell − 5%}, {@code sell}. */
    public String price(PriceRule rule) {
        BigDecimal markup = rule.markupPercent().stripTrailingZeros();
        if (markup.signum() == 0) {
            return rule.base().value();
        }
        return rule.base().value() + (markup.signum() > 0 ? " + " : " − ")
                + markup.abs().toPlainString() + "%";
    }

    /** The months a price rule is valid in, e.g. {@code 2026-01 – 2026-06}, {@code from 2026-01}. */
    public String months(PriceRule rule) {
        return rule.validTo() == null ? "from " + rule.validFrom() : rule.validFrom() + " – " + rule.validTo();
    }

    public long pages(Listing<?> listing) {
        int size = listing.page().size();
        return Math.max(1, (listing.total() + size - 1) / size);
    }

    /** A billing sync's state in words, from its code as the API writes it. */
    public String syncState(String code) {
        return SyncState.display(code);
    }

    /**
     * How a sync's line is billed, in words; a line with no item of its own (a zero amount, a late line of a frozen
     * month, a line moved away) is billed by its correction where it has one.
     */
    public String billedVia(Object path, boolean corrected) {
        return switch (String.valueOf(path)) {
            case "INVOICE" -> "its own item";
            case "CONSUMPTION" -> "consumption tracking";
            case "ZERO" -> corrected ? "a correction" : "no item of its own";
            default -> String.valueOf(path).toLowerCase(Locale.ROOT);
        };
    }

    /** Why a correction is booked, in words, from its reason as the API writes it ({@code line_removed}, …). */
    public String reason(String reason) {
        return switch (reason) {
            case "line_removed" -> "Arrow dropped the line";
            case "license_moved" -> "Arrow moved the line to a license consumption tracking bills";
            case "repriced" -> "price rules";
            default -> reason.replace('_', ' ');
        };
    }

    /** A count and its noun, singular for one: {@code 1 customer}, {@code 3 customers}. */
    public static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    public String hex(UUID uuid) {
        return Uuids.hex(uuid);
    }

    /** The jobs' uuids as the console's addresses write them. */
    public List<String> hexes(List<Job> jobs) {
        return jobs.stream().map(job -> Uuids.hex(job.uuid())).toList();
    }
}
