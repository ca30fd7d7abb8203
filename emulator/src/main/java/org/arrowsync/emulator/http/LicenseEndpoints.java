package org.arrowsync.emulator.http;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.arrowsync.emulator.data.License;
import org.arrowsync.emulator.data.Money;
import org.arrowsync.emulator.data.Universe;

/** licenses list and detail, with the API's mixed snake/camel keys (arrow-api.md A.4 "Licenses"). */
final class LicenseEndpoints {

    private LicenseEndpoints() {}

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
                l.offer().productName().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'),
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
                        "EUR",
                        "unit",
                        Json.obj("buy", buy, "sell", sell, "list", sell),
                        "total",
                        Json.obj("buy", buy.multiply(qty), "sell", sell.multiply(qty), "list", sell.multiply(qty))));
    }
}
