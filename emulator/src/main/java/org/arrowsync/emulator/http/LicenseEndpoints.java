package org.arrowsync.emulator.http;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.License;
import org.arrowsync.emulator.data.Money;
import org.arrowsync.emulator.data.Universe;
import org.arrowsync.emulator.data.World;

/**
 * Licenses: the official clients' {@code POST licenses/v2/find} (unwrapped {@code results[].license}, snake_case keys,
 * {@code totalPage}; PHP {@code tests/Licenses/LicensesClientTest.php}), Waldur's {@code GET licenses}, one license
 * ({@code data.license}, NODE {@code tests/licenses/licenses.mocks.ts}) and its daily predictions.
 */
final class LicenseEndpoints {

    /** The find filter on the owning customer, as the official clients name it ({@code LicenseFindFieldEnum}). */
    static final String CUSTOMER_FILTER = "license.customer_ref";

    private LicenseEndpoints() {}

    /** {@code POST licenses/v2/find}: paging in the query ({@code page}, {@code per_page}), filters in the body. */
    static Response find(World world, Request request) {
        Universe universe = world.universe();
        Map<String, Object> body = Json.readObject(request.body());
        Map<?, ?> filters = body.get("filters") instanceof Map<?, ?> f ? f : Map.of();
        Object owner = filters.get(CUSTOMER_FILTER);
        List<Integer> indexes;
        if (owner == null) {
            indexes = IntStream.range(0, universe.licenseCount()).boxed().toList();
        } else {
            List<?> wanted = owner instanceof List<?> list ? list : List.of(owner);
            indexes = wanted.stream()
                    .map(ref -> universe.customer(String.valueOf(ref)))
                    .flatMap(Optional::stream)
                    .flatMap(c -> IntStream.range(
                                    universe.firstLicenseOf(c.index()),
                                    universe.firstLicenseOf(c.index())
                                            + universe.shape().licensesPerCustomer())
                            .boxed())
                    .toList();
        }
        Paging.Page page = Paging.snake(request, indexes.size());
        List<Map<String, Object>> results = indexes.subList(page.from(), page.to()).stream()
                .map(i -> Json.obj("license", found(universe, world.partnerReference(), universe.license(i))))
                .toList();
        return Response.json(
                200,
                Json.obj(
                        "results",
                        results,
                        "filters",
                        List.of(),
                        "pagination",
                        Json.obj(
                                "perPage",
                                page.perPage(),
                                "currentPage",
                                page.page(),
                                "totalPage",
                                page.totalPages(),
                                "total",
                                page.total(),
                                "next",
                                null,
                                "previous",
                                null)));
    }

    static Response list(Universe universe, Request request) {
        Paging.Page page = Paging.snake(request, universe.licenseCount());
        List<Map<String, Object>> licenses = IntStream.range(page.from(), page.to())
                .mapToObj(i -> wire(universe, universe.license(i)))
                .toList();
        return Paging.general(Json.obj("licenses", licenses), Paging.snakeKeys(page, "licenses"));
    }

    static Response one(Universe universe, String reference) {
        License license =
                universe.license(reference).orElseThrow(() -> ApiError.notFound("license " + reference + " not found"));
        return Paging.general(Json.obj("license", wire(universe, license)), null);
    }

    static License find(Universe universe, String reference) {
        return universe.license(reference).orElseThrow(() -> ApiError.notFound("license " + reference + " not found"));
    }

    /** A license as the find endpoint shows it: snake_case, {@code partner_ref} for its XSP reference. */
    private static Map<String, Object> found(Universe universe, String reseller, License l) {
        Customer customer = universe.customer(l.customerIndex());
        boolean seats = !l.offer().metered();
        String start = l.activation().atStartOfDay() + ":00.000Z";
        return Json.obj(
                "id",
                l.number(),
                "subscription_id",
                l.vendorSubscriptionId(),
                "vendor_name",
                l.offer().vendorName(),
                "vendor_code",
                l.offer().vendorName(),
                "subsidiary_name",
                "Arrow ECS France",
                "partner_ref",
                l.reference(),
                "status_code",
                86,
                "status_label",
                "activation_ok",
                "service_ref",
                serviceRef(l),
                "sku",
                l.offer().arrowSku(),
                "uom",
                seats ? "LICENSE" : "ACCOUNT",
                "price",
                Json.obj(
                        "priceBandArrowsphereSku",
                        l.offer().arrowSku(),
                        "buy_price",
                        seats ? l.offer().seatBuyPrice() : Money.ZERO,
                        "sell_price",
                        seats ? l.offer().seatSellPrice() : Money.ZERO,
                        "list_price",
                        seats ? l.offer().seatSellPrice() : Money.ZERO,
                        "currency",
                        customer.currency()),
                "cloud_type",
                seats ? "SaaS" : "IaaS",
                "base_seat",
                l.seats(),
                "seat",
                l.seats(),
                "trial",
                false,
                "auto_renew",
                true,
                "offer",
                l.offer().productName(),
                "category",
                "BaseProduct",
                "type",
                "recurring",
                "start_date",
                start,
                "end_date",
                l.activation().plusYears(1).atStartOfDay() + ":00.000Z",
                "customer_ref",
                customer.reference(),
                "customer_name",
                customer.companyName(),
                "reseller_ref",
                reseller,
                "reseller_name",
                Partner.COMPANY,
                "marketplace",
                "FR",
                "active_seats",
                Json.obj("number", null, "lastUpdate", null),
                "friendly_name",
                l.friendlyName(),
                "vendor_subscription_id",
                l.vendorSubscriptionId(),
                "message",
                "",
                "periodicity",
                720,
                "term",
                seats ? 8640 : 0,
                "isEnabled",
                true,
                "lastUpdate",
                start);
    }

    private static String serviceRef(License l) {
        return l.offer().productName().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    private static Map<String, Object> wire(Universe universe, License l) {
        boolean seats = !l.offer().metered();
        BigDecimal qty = BigDecimal.valueOf(l.seats());
        BigDecimal buy = seats ? l.offer().seatBuyPrice() : Money.ZERO;
        BigDecimal sell = seats ? l.offer().seatSellPrice() : Money.ZERO;
        String activation = l.activation().atStartOfDay() + ":00.000Z";
        String expiry = l.activation().plusYears(1).atStartOfDay() + ":00.000Z";
        return Json.obj(
                "license_id",
                l.reference(),
                "parent_license_id",
                null,
                "customer_ref",
                universe.customer(l.customerIndex()).reference(),
                "service_ref",
                serviceRef(l),
                "sku",
                l.offer().arrowSku(),
                "name",
                l.offer().productName(),
                "friendlyName",
                l.friendlyName(),
                "state",
                "active",
                "statusCode",
                86,
                "isTrial",
                false,
                "isAddon",
                false,
                "seats",
                l.seats(),
                "activeSeats",
                Json.obj("number", l.seats(), "lastUpdate", activation),
                "activation_datetime",
                activation,
                "expiry_datetime",
                expiry,
                "nextRenewalDate",
                expiry,
                "autoRenew",
                true,
                "marketplace",
                "FR",
                "vendor_license_id",
                l.vendorSubscriptionId(),
                "vendorBillingId",
                l.vendorSubscriptionId(),
                "periodicity",
                720,
                "periodicityCode",
                "monthly",
                "term",
                seats ? 8640 : 720,
                "termCode",
                seats ? "yearly" : "monthly",
                "category",
                l.offer().classification(),
                "program",
                l.offer().programCode(),
                "associatedSubscriptionProgram",
                l.offer().programCode(),
                "vendor_code",
                l.offer().vendorName(),
                "vendorSku",
                l.offer().arrowSku(),
                "price",
                Json.obj(
                        "priceBandArrowsphereSku",
                        l.offer().arrowSku(),
                        "currency",
                        universe.currencyOf(l),
                        "unit",
                        Json.obj("buy", buy, "sell", sell, "list", sell),
                        "total",
                        Json.obj("buy", buy.multiply(qty), "sell", sell.multiply(qty), "list", sell.multiply(qty))));
    }
}
