package org.arrowsync.emulator.control;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.License;
import org.arrowsync.emulator.data.Line;
import org.arrowsync.emulator.data.LineFilter;
import org.arrowsync.emulator.data.Money;
import org.arrowsync.emulator.data.Universe;
import org.arrowsync.emulator.data.World;
import org.arrowsync.emulator.http.ApiError;
import org.arrowsync.emulator.http.Json;
import org.arrowsync.emulator.http.Request;
import org.arrowsync.emulator.http.Response;

/** Late corrections by Sequence and the per-customer export totals used as ground truth. */
final class LineControl {

    private LineControl() {}

    static Response show(World world, String sequence) {
        return Response.json(200, view(world, world.line(sequence).orElseThrow(() -> unknown(sequence))));
    }

    /**
     * {@code sell} and/or {@code buy} change the line's totals; {@code garbled} makes its total cells unreadable;
     * {@code repeated} lists it once more, after the other lines of its month; {@code restored} lists a removed line
     * again; {@code licenseRef} lists it under another license of its customer.
     */
    static Response changePrice(World world, String sequence, Body body) {
        if (body.has("licenseRef")) {
            License license = world.universe()
                    .license(body.required("licenseRef"))
                    .orElseThrow(() -> ApiError.notFound("license " + body.text("licenseRef", "") + " not found"));
            try {
                if (!world.move(sequence, license)) {
                    throw unknown(sequence);
                }
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            return show(world, sequence);
        }
        if (body.has("restored")) {
            if (!world.restore(sequence)) {
                throw ApiError.notFound("line " + sequence + " was not removed");
            }
            return show(world, sequence);
        }
        if (body.has("repeated")) {
            if (!world.repeat(sequence)) {
                throw unknown(sequence);
            }
            return show(world, sequence);
        }
        if (body.has("garbled")) {
            if (!world.garble(sequence, Boolean.parseBoolean(body.text("garbled", "false")))) {
                throw unknown(sequence);
            }
            return show(world, sequence);
        }
        if (!body.has("sell") && !body.has("buy")) {
            throw ApiError.badRequest("give sell and/or buy, garbled, repeated, restored or licenseRef");
        }
        Line line = world.changePrice(sequence, body.decimal("sell"), body.decimal("buy"))
                .orElseThrow(() -> unknown(sequence));
        return Response.json(200, view(world, line));
    }

    static Response remove(World world, String sequence) {
        if (!world.remove(sequence)) {
            throw unknown(sequence);
        }
        return Response.json(200, Json.obj("removed", sequence));
    }

    static Response add(World world, Body body) {
        License license = world.universe()
                .license(body.required("licenseRef"))
                .orElseThrow(() -> ApiError.notFound("license " + body.text("licenseRef", "") + " not found"));
        YearMonth period = Request.month("period", body.required("period"));
        BigDecimal sell = body.decimal("sell");
        BigDecimal buy = body.decimal("buy");
        if (sell == null || buy == null) {
            throw ApiError.badRequest("sell and buy are required");
        }
        Line line = world.add(
                        license,
                        period,
                        sell,
                        buy,
                        (int) body.number("quantity", 1),
                        body.text("description", "Late adjustment"))
                .orElseThrow(() -> ApiError.badRequest("period " + period + " has no data or quantity < 1"));
        return Response.json(201, view(world, line));
    }

    /**
     * Export sell and buy totals per customer reference for one month, as exact decimal strings, with the currency each
     * customer is billed in; the month's currency is the customers' one currency, null when they are billed in several.
     */
    static Response summary(World world, Request request) {
        String period = request.query().get("period");
        YearMonth month = period == null ? world.clock().currentMonth() : Request.month("period", period);
        Map<Integer, BigDecimal[]> totals = new TreeMap<>();
        world.select(LineFilter.month(month)).forEach(line -> {
            BigDecimal[] t = totals.computeIfAbsent(
                    line.license().customerIndex(), i -> new BigDecimal[] {Money.ZERO, Money.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add(line.sellTotal());
            t[1] = t[1].add(line.buyTotal());
            t[2] = t[2].add(BigDecimal.ONE);
        });
        Map<String, Object> customers = new TreeMap<>();
        BigDecimal sell = Money.ZERO;
        BigDecimal buy = Money.ZERO;
        Set<String> currencies = new TreeSet<>();
        for (Map.Entry<Integer, BigDecimal[]> e : totals.entrySet()) {
            Customer customer = world.universe().customer(e.getKey());
            BigDecimal[] t = e.getValue();
            customers.put(
                    customer.reference(),
                    Json.obj(
                            "companyName",
                            customer.companyName(),
                            "sell",
                            Money.text(t[0]),
                            "buy",
                            Money.text(t[1]),
                            "lines",
                            t[2].intValue(),
                            "currency",
                            customer.currency()));
            currencies.add(customer.currency());
            sell = sell.add(t[0]);
            buy = buy.add(t[1]);
        }
        return Response.json(
                200,
                Json.obj(
                        "period",
                        month.toString(),
                        "currency",
                        currencies.size() > 1
                                ? null
                                : currencies.stream().findFirst().orElse(Universe.DEFAULT_CURRENCY),
                        "state",
                        world.statementState(month).state(),
                        "sell",
                        Money.text(sell),
                        "buy",
                        Money.text(buy),
                        "customers",
                        customers));
    }

    private static Map<String, Object> view(World world, Line line) {
        return Json.obj(
                "sequence",
                line.sequence(),
                "period",
                line.period().toString(),
                "licenseRef",
                line.license().reference(),
                "quantity",
                line.quantity(),
                "sellUnit",
                Money.text(line.sellUnit()),
                "buyUnit",
                Money.text(line.buyUnit()),
                "sellTotal",
                Money.text(line.sellTotal()),
                "buyTotal",
                Money.text(line.buyTotal()),
                "description",
                line.description(),
                "garbled",
                world.isGarbled(line.sequence()));
    }

    private static ApiError unknown(String sequence) {
        return ApiError.notFound("no line with Sequence " + sequence);
    }
}
