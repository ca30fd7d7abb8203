package org.arrowsync.emulator.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.emulator.data.License;
import org.arrowsync.emulator.data.Line;
import org.arrowsync.emulator.data.Money;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.emulator.data.World;

/**
 * Monthly consumption (headers + lines, text cells and numeric amounts as the official Node client's fixture has them,
 * {@code tests/consumption/mocks/consumption.mocks.ts}), the official daily predictions and Waldur's prediction. Two
 * header sets exist in the wild; the loaded shape chooses which one is served.
 */
final class ConsumptionEndpoints {

    private static final List<String> COMMON = List.of(
            "Report Period",
            "Usage Start date",
            "Subscription Start Date",
            "Subscription End Date",
            "Vendor Name",
            "Vendor Billing Start Date",
            "Vendor Billing End Date",
            "Vendor Product Name",
            "Vendor Meter Category",
            "Vendor Meter Sub-Category",
            "UOM",
            "Level Chargeable Quantity",
            "Catalog Billing Periodicity",
            "Country currency code");
    private static final List<String> STANDARD = List.of("Total buy price", "Total sell price");
    private static final List<String> COUNTRY = List.of(
            "Country reseller unit", "Country reseller total", "Country customer unit", "Country customer total");

    private ConsumptionEndpoints() {}

    static Response monthly(World world, String reference, Request request) {
        License license = LicenseEndpoints.find(world.universe(), reference);
        YearMonth current = world.clock().currentMonth();
        // The official Node client's names; Waldur's reportPeriodStart/End only in lenient mode.
        String startParam = request.param("billingMonthStart", "reportPeriodStart");
        String endParam = request.param("billingMonthEnd", "reportPeriodEnd");
        YearMonth start = startParam == null ? current : Request.month("billingMonthStart", startParam);
        YearMonth end = endParam == null ? start : Request.month("billingMonthEnd", endParam);
        if (end.isBefore(start)) {
            throw ApiError.badRequest("billingMonthEnd is before billingMonthStart");
        }
        boolean country =
                ScaleOptions.COUNTRY_HEADERS.equals(world.universe().shape().consumptionHeaders());
        List<String> headers = new ArrayList<>(COMMON);
        headers.addAll(country ? COUNTRY : STANDARD);
        List<List<Object>> lines = new ArrayList<>();
        for (YearMonth month : world.months(start, end)) {
            for (Line line : world.consumption(license, month)) {
                lines.add(row(line, world.universe().currencyOf(license), country));
            }
        }
        return Paging.general(Json.obj("headers", headers, "lines", lines), null);
    }

    private static List<Object> row(Line line, String currency, boolean country) {
        License l = line.license();
        LocalDate first = line.period().atDay(1);
        LocalDate last = line.period().atEndOfMonth();
        List<Object> row = new ArrayList<>(List.of(
                line.period().toString(),
                first.toString(),
                l.activation().toString(),
                l.activation().plusYears(1).toString(),
                l.offer().vendorName(),
                first.toString(),
                last.toString(),
                l.offer().productName(),
                line.meter().category(),
                line.meter().subCategory(),
                line.meter().unit(),
                line.quantity(),
                "Monthly",
                currency));
        if (country) {
            row.addAll(List.of(line.buyUnit(), line.buyTotal(), line.sellUnit(), line.sellTotal()));
        } else {
            row.addAll(List.of(line.buyTotal(), line.sellTotal()));
        }
        return row;
    }

    /**
     * {@code GET licenses/{ref}/predictions/daily} as both official clients call it: one amount (sell) per day of the
     * current month, the month-to-date average; a license without consumption has no prediction, which the API answers
     * with an error (PHP client's doc/licenses.md).
     */
    static Response dailyPredictions(World world, String reference) {
        License license = LicenseEndpoints.find(world.universe(), reference);
        if (!license.offer().metered()) {
            throw ApiError.notFound("no prediction for license " + reference);
        }
        YearMonth month = world.clock().currentMonth();
        BigDecimal sell = Money.ZERO;
        for (Line line : world.consumption(license, month)) {
            sell = sell.add(line.sellTotal());
        }
        LocalDate today = LocalDate.now(world.clock());
        BigDecimal perDay = Money.of(sell.divide(BigDecimal.valueOf(today.getDayOfMonth()), 10, RoundingMode.HALF_UP));
        List<Map<String, Object>> predictions = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            predictions.add(Json.obj("date", month.atDay(day).toString(), "amount", perDay));
        }
        return Paging.general(
                Json.obj(
                        "currency",
                        world.universe().currencyOf(license),
                        "updatedAt",
                        today.toString(),
                        "licenseReference",
                        license.reference(),
                        "predictions",
                        predictions),
                null);
    }

    /** Month-to-date consumption and a linear full-month estimate (min/max = -/+ 10 %). */
    static Response prediction(World world, String reference, Request request) {
        License license = LicenseEndpoints.find(world.universe(), reference);
        String granularity = request.query().getOrDefault("granularity", "monthly");
        if (!granularity.equals("monthly") && !granularity.equals("daily")) {
            throw ApiError.badRequest("granularity must be monthly or daily");
        }
        YearMonth month = world.clock().currentMonth();
        BigDecimal buy = Money.ZERO;
        BigDecimal sell = Money.ZERO;
        for (Line line : world.consumption(license, month)) {
            buy = buy.add(line.buyTotal());
            sell = sell.add(line.sellTotal());
        }
        int days = month.lengthOfMonth();
        int elapsed = Math.max(1, LocalDate.now(world.clock()).getDayOfMonth());
        List<Map<String, Object>> values = new ArrayList<>();
        if (granularity.equals("monthly")) {
            values.add(value(buy, sell, days, elapsed));
        } else {
            BigDecimal dayBuy = Money.of(buy.divide(BigDecimal.valueOf(elapsed), 10, RoundingMode.HALF_UP));
            BigDecimal daySell = Money.of(sell.divide(BigDecimal.valueOf(elapsed), 10, RoundingMode.HALF_UP));
            for (int d = 1; d <= elapsed; d++) {
                // The last day takes the rounding remainder so the days sum to the month-to-date total.
                BigDecimal restDays = BigDecimal.valueOf(elapsed - 1L);
                values.add(
                        d < elapsed
                                ? value(dayBuy, daySell, 1, 1)
                                : value(
                                        buy.subtract(dayBuy.multiply(restDays)),
                                        sell.subtract(daySell.multiply(restDays)),
                                        1,
                                        1));
            }
        }
        return Paging.general(
                Json.obj(
                        "currency",
                        world.universe().currencyOf(license),
                        "reportPeriod",
                        month.toString(),
                        "billingStartDate",
                        month.atDay(1).toString(),
                        "values",
                        values),
                null);
    }

    private static Map<String, Object> value(BigDecimal buy, BigDecimal sell, int days, int elapsed) {
        BigDecimal estimate = Money.of(
                sell.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(elapsed), 10, RoundingMode.HALF_UP));
        return Json.obj(
                "consumed",
                Json.obj("buy", buy, "sell", sell, "list", sell),
                "estimatedMin",
                Money.of(estimate.multiply(new BigDecimal("0.9"))),
                "estimatedMax",
                Money.of(estimate.multiply(new BigDecimal("1.1"))));
    }
}
