package org.arrowsync.emulator.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.Line;
import org.arrowsync.emulator.data.LineFilter;
import org.arrowsync.emulator.data.Money;
import org.arrowsync.emulator.data.Program;
import org.arrowsync.emulator.data.StatementState;
import org.arrowsync.emulator.data.World;

/**
 * Billing statements: one per customer, month and vendor program, with the Open / Needs Validation / Fulfilled
 * lifecycle driven by the emulator clock. Shapes follow the official PHP client's fixtures
 * ({@code tests/Billing/StatementsClientTest.php}): date-times as {@code yyyy-MM-dd HH:mm:ss}, prices as numbers.
 * References encode customer, month and program so they resolve without any stored state.
 */
final class Statements {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern REFERENCE = Pattern.compile("H1-(XSP\\d+)-(\\d{4})(\\d{2})-(.+)");

    private Statements() {}

    static String reference(Customer customer, YearMonth month, String programCode) {
        return "H1-" + customer.reference() + "-" + month.toString().replace("-", "") + "-" + programCode;
    }

    static Response list(World world, Request request) {
        String period = request.query().get("reportPeriod");
        List<YearMonth> months = period == null
                ? world.months(world.universe().firstMonth(), world.clock().currentMonth())
                : world.months(
                        request.query().containsKey(Request.MONTH_BEFORE_TOO)
                                ? YearMonth.parse(request.query().get(Request.MONTH_BEFORE_TOO))
                                : Request.month("reportPeriod", period),
                        Request.month("reportPeriod", period));
        String customerRef = request.query().get("customerXspRef");
        List<Customer> customers = customerRef == null
                ? null
                : world.universe().customer(customerRef).map(List::of).orElse(List.of());
        List<Program> programs = world.universe().programs();
        int perMonth = (customers == null ? world.universe().customerCount() : customers.size()) * programs.size();
        Paging.Page page = Paging.camel(request, (long) months.size() * perMonth, Paging.MAX_PER_PAGE);
        List<Map<String, Object>> statements = new ArrayList<>();
        for (int i = page.from(); i < page.to(); i++) {
            int inMonth = i % perMonth;
            int customer = inMonth / programs.size();
            Target target = new Target(
                    customers == null ? world.universe().customer(customer) : customers.get(customer),
                    months.get(i / perMonth),
                    programs.get(inMonth % programs.size()));
            statements.add(header(world, target));
        }
        return Paging.billing(
                Json.obj("billingStatements", statements), Paging.statementKeys(page, "billing/statements"));
    }

    static Response one(World world, String reference) {
        return Paging.billing(Json.obj("billingStatement", header(world, target(world, reference))), null);
    }

    static Response lines(World world, String reference, Request request) {
        Target t = target(world, reference);
        var selection = world.select(t.lines());
        Paging.Page page = Paging.camel(request, selection.size(), Paging.MAX_PER_PAGE);
        List<Map<String, Object>> lines = selection.page(page.page(), page.perPage()).stream()
                .map(line -> line(line, t.customer().currency()))
                .toList();
        return Paging.billing(
                Json.obj("billingStatementLines", lines),
                Paging.statementKeys(page, "billing/statements/" + reference + "/lines"));
    }

    private record Target(Customer customer, YearMonth month, Program program) {

        LineFilter lines() {
            return LineFilter.month(month).forCustomer(customer.reference()).forProgram(program.code());
        }

        String reference() {
            return Statements.reference(customer, month, program.code());
        }
    }

    private static Target target(World world, String reference) {
        Matcher parts = REFERENCE.matcher(reference);
        Optional<Target> found = Optional.empty();
        if (parts.matches() && Integer.parseInt(parts.group(3)) >= 1 && Integer.parseInt(parts.group(3)) <= 12) {
            YearMonth month = YearMonth.of(Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3)));
            Optional<Program> program = world.universe().programs().stream()
                    .filter(p -> p.code().equals(parts.group(4)))
                    .findFirst();
            found = world.universe()
                    .customer(parts.group(1))
                    .filter(c ->
                            program.isPresent() && !world.months(month, month).isEmpty())
                    .map(c -> new Target(c, month, program.get()));
        }
        return found.orElseThrow(() -> ApiError.notFound("statement " + reference + " not found"));
    }

    private static Map<String, Object> header(World world, Target target) {
        BigDecimal[] totals = {Money.ZERO, Money.ZERO};
        world.select(target.lines()).forEach(line -> {
            totals[0] = totals[0].add(line.buyTotal());
            totals[1] = totals[1].add(line.sellTotal());
        });
        YearMonth month = target.month();
        StatementState state = world.statementState(month);
        LocalDate closedOn = month.isBefore(world.clock().currentMonth())
                ? month.plusMonths(1).atDay(1)
                : null;
        Customer customer = target.customer();
        Program program = target.program();
        return Json.obj(
                "reference",
                target.reference(),
                "sequence",
                "MSM12-" + customer.ref() + month.toString().replace("-", ""),
                "billingGroup",
                "ArrowBilling",
                "billingStrategy",
                program.code().toLowerCase(Locale.ROOT) + "-monthly",
                "vendorName",
                program.vendorName(),
                "programCode",
                program.code(),
                "classification",
                program.classification(),
                "reportPeriod",
                month.toString(),
                "marketplace",
                "FR",
                "issueDate",
                closedOn == null ? null : dateTime(closedOn),
                "from",
                Json.obj("reference", world.partnerReference(), "name", Partner.COMPANY),
                "to",
                Json.obj("reference", customer.reference(), "name", customer.companyName()),
                "currency",
                customer.currency(),
                "prices",
                Json.obj("listTotal", totals[1], "buyTotal", totals[0], "sellTotal", totals[1]),
                "description",
                "Monthly statement " + month + " of " + program.code() + " for " + customer.companyName(),
                "status",
                Json.obj(
                        "creationDate",
                        month.atDay(1).toString(),
                        "submissionDate",
                        closedOn == null ? null : closedOn.toString(),
                        "validationDate",
                        state.validationDate() == null
                                ? null
                                : state.validationDate().toString(),
                        "rejectionDate",
                        null,
                        "state",
                        state.state()));
    }

    private static Map<String, Object> line(Line line, String currency) {
        var l = line.license();
        return Json.obj(
                "reference",
                "L1-" + line.sequence(),
                "vendorEndCustomerSubscriptionId",
                l.vendorSubscriptionId(),
                "vendorName",
                l.offer().vendorName(),
                "programCode",
                l.offer().programCode(),
                "classification",
                l.offer().classification(),
                "vendorProductName",
                l.offer().productName(),
                "vendorSku",
                l.offer().arrowSku(),
                "arrowSku",
                l.offer().arrowSku(),
                "offerName",
                l.offer().productName(),
                "subscriptionFriendlyName",
                l.friendlyName(),
                "arsSubscriptionId",
                l.reference(),
                "orderId",
                "ORD-" + l.number(),
                "resellerOrderId",
                null,
                "subscriptionStartDate",
                dateTime(l.activation()),
                "subscriptionEndDate",
                dateTime(l.activation().plusYears(1).minusDays(1)),
                "billingPeriodicity",
                "Monthly",
                "billingPeriodStart",
                dateTime(line.period().atDay(1)),
                "billingPeriodEnd",
                dateTime(line.period().atEndOfMonth()),
                "usageStartDate",
                dateTime(line.period().atDay(1)),
                "usageEndDate",
                dateTime(line.period().atEndOfMonth()),
                "rates",
                Json.obj("sellRate", null, "sellRateType", null),
                "quantity",
                line.quantity(),
                "currency",
                currency,
                "prices",
                Json.obj(
                        "listUnit",
                        line.sellUnit(),
                        "listTotal",
                        line.sellTotal(),
                        "buyUnit",
                        line.buyUnit(),
                        "buyTotal",
                        line.buyTotal(),
                        "sellUnit",
                        line.sellUnit(),
                        "sellTotal",
                        line.sellTotal()),
                "description",
                line.description());
    }

    private static String dateTime(LocalDate date) {
        return date.atStartOfDay().format(DATE_TIME);
    }
}
