package org.arrowsync.emulator.http;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.Line;
import org.arrowsync.emulator.data.LineFilter;
import org.arrowsync.emulator.data.Money;
import org.arrowsync.emulator.data.StatementState;
import org.arrowsync.emulator.data.World;

/**
 * Billing statements: one per (customer, month) with the Open / Needs Validation / Fulfilled lifecycle driven by the
 * emulator clock. References encode customer and month so they resolve without any stored state.
 */
final class Statements {

    private Statements() {}

    static String reference(Customer customer, YearMonth month) {
        return "H1-" + customer.reference() + "-" + month.toString().replace("-", "");
    }

    static Response list(World world, Request request) {
        String period = request.query().get("reportPeriod");
        List<YearMonth> months = period == null
                ? world.months(world.universe().firstMonth(), world.clock().currentMonth())
                : world.months(Request.month("reportPeriod", period), Request.month("reportPeriod", period));
        String customerRef = request.query().get("customerXspRef");
        List<Customer> customers = customerRef == null
                ? null
                : world.universe().customer(customerRef).map(List::of).orElse(List.of());
        int perMonth = customers == null ? world.universe().customerCount() : customers.size();
        Paging.Page page = Paging.camel(request, (long) months.size() * perMonth, Paging.MAX_PER_PAGE);
        List<Map<String, Object>> statements = new ArrayList<>();
        for (int i = page.from(); i < page.to(); i++) {
            Customer customer =
                    customers == null ? world.universe().customer(i % perMonth) : customers.get(i % perMonth);
            statements.add(header(world, customer, months.get(i / perMonth)));
        }
        return Paging.billing(
                Json.obj("billingStatements", statements), Paging.statementKeys(page, "billing/statements"));
    }

    static Response one(World world, String reference) {
        Target t = target(world, reference);
        return Paging.billing(Json.obj("billingStatement", header(world, t.customer(), t.month())), null);
    }

    static Response lines(World world, String reference, Request request) {
        Target t = target(world, reference);
        var selection = world.select(
                LineFilter.month(t.month()).forCustomer(t.customer().reference()));
        Paging.Page page = Paging.camel(request, selection.size(), Paging.MAX_PER_PAGE);
        List<Map<String, Object>> lines = selection.page(page.page(), page.perPage()).stream()
                .map(Statements::line)
                .toList();
        return Paging.billing(
                Json.obj("billingStatementLines", lines),
                Paging.statementKeys(page, "billing/statements/" + reference + "/lines"));
    }

    private record Target(Customer customer, YearMonth month) {}

    private static Target target(World world, String reference) {
        String[] parts = reference.split("-");
        Optional<Customer> customer =
                parts.length == 3 && parts[0].equals("H1") ? world.universe().customer(parts[1]) : Optional.empty();
        Optional<YearMonth> month = customer.flatMap(c -> parse(parts[2]))
                .filter(m -> !world.months(m, m).isEmpty());
        if (month.isEmpty()) {
            throw ApiError.notFound("statement " + reference + " not found");
        }
        return new Target(customer.get(), month.get());
    }

    private static Optional<YearMonth> parse(String yyyymm) {
        return yyyymm.matches("\\d{6}")
                        && Integer.parseInt(yyyymm.substring(4)) >= 1
                        && Integer.parseInt(yyyymm.substring(4)) <= 12
                ? Optional.of(
                        YearMonth.of(Integer.parseInt(yyyymm.substring(0, 4)), Integer.parseInt(yyyymm.substring(4))))
                : Optional.empty();
    }

    private static Map<String, Object> header(World world, Customer customer, YearMonth month) {
        BigDecimal[] totals = {Money.ZERO, Money.ZERO};
        world.select(LineFilter.month(month).forCustomer(customer.reference())).forEach(line -> {
            totals[0] = totals[0].add(line.buyTotal());
            totals[1] = totals[1].add(line.sellTotal());
        });
        StatementState state = world.statementState(month);
        String validation =
                state.validationDate() == null ? null : state.validationDate().toString();
        String closedOn = month.isBefore(world.clock().currentMonth())
                ? month.plusMonths(1).atDay(1).toString()
                : null;
        return Json.obj(
                "reference",
                reference(customer, month),
                "sequence",
                "MSM12-" + customer.reference().substring(3) + month.toString().replace("-", ""),
                "billingGroup",
                "Customer",
                "billingStrategy",
                "Monthly",
                "vendorName",
                null,
                "programCode",
                null,
                "classification",
                null,
                "reportPeriod",
                month.toString(),
                "marketplace",
                "FR",
                "issueDate",
                closedOn,
                "from",
                Json.obj("reference", Partner.REFERENCE, "name", Partner.COMPANY),
                "to",
                Json.obj("reference", customer.reference(), "name", customer.companyName()),
                "currency",
                "EUR",
                "prices",
                Json.obj(
                        "buyTotal",
                        Money.text(totals[0]),
                        "sellTotal",
                        Money.text(totals[1]),
                        "listTotal",
                        Money.text(totals[1])),
                "description",
                "Monthly statement " + month + " for " + customer.companyName(),
                "status",
                Json.obj(
                        "creationDate",
                        month.atDay(1).toString(),
                        "submissionDate",
                        closedOn,
                        "validationDate",
                        validation,
                        "rejectionDate",
                        null,
                        "state",
                        state.state()));
    }

    private static Map<String, Object> line(Line line) {
        var l = line.license();
        return Json.obj(
                "reference",
                "L1-" + line.sequence(),
                "sequence",
                line.sequence(),
                "arrowSku",
                l.offer().arrowSku(),
                "arsSubscriptionId",
                l.reference(),
                "billingPeriodStart",
                line.period().atDay(1).toString(),
                "billingPeriodEnd",
                line.period().atEndOfMonth().toString(),
                "billingPeriodicity",
                "Monthly",
                "classification",
                l.offer().classification(),
                "currency",
                "EUR",
                "description",
                line.description(),
                "offerName",
                l.offer().productName(),
                "orderId",
                "ORD-" + l.number(),
                "resellerOrderId",
                null,
                "prices",
                Json.obj(
                        "buyUnit",
                        Money.text(line.buyUnit()),
                        "sellUnit",
                        Money.text(line.sellUnit()),
                        "listUnit",
                        Money.text(line.sellUnit()),
                        "buyTotal",
                        Money.text(line.buyTotal()),
                        "sellTotal",
                        Money.text(line.sellTotal()),
                        "listTotal",
                        Money.text(line.sellTotal())),
                "programCode",
                l.offer().programCode(),
                "quantity",
                line.quantity(),
                "rates",
                Json.obj("sellRate", null, "sellRateType", null),
                "subscriptionStartDate",
                l.activation().toString(),
                "subscriptionEndDate",
                l.activation().plusYears(1).minusDays(1).toString(),
                "subscriptionFriendlyName",
                l.friendlyName(),
                "usageStartDate",
                line.period().atDay(1).toString(),
                "usageEndDate",
                line.period().atEndOfMonth().toString(),
                "vendorEndCustomerSubscriptionId",
                l.vendorSubscriptionId(),
                "vendorName",
                l.offer().vendorName(),
                "vendorProductName",
                l.offer().productName(),
                "vendorSku",
                l.offer().arrowSku());
    }
}
