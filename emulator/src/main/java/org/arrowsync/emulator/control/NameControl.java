package org.arrowsync.emulator.control;

import java.util.regex.Pattern;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.License;
import org.arrowsync.emulator.data.World;
import org.arrowsync.emulator.http.ApiError;
import org.arrowsync.emulator.http.Json;
import org.arrowsync.emulator.http.Response;

/**
 * Changes to names and currencies: Arrow renaming a customer (its reference stays) or billing it in another currency, a
 * customer renaming a subscription's friendly name.
 */
final class NameControl {

    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private NameControl() {}

    /**
     * {@code companyName} (blank names it nothing), {@code currency} (an ISO 4217 code, served as written: lower case
     * tries a client's reading), or both.
     */
    static Response changeCustomer(World world, String reference, Body body) {
        if (!body.has("companyName") && !body.has("currency")) {
            throw ApiError.badRequest("companyName or currency is required");
        }
        if (world.universe().customer(reference).isEmpty()) {
            throw ApiError.notFound("customer " + reference + " not found");
        }
        if (body.has("currency")) {
            String currency = body.required("currency");
            if (!CURRENCY.matcher(currency).matches()) {
                throw ApiError.badRequest("currency must be three letters, not " + currency);
            }
            world.universe().billCustomerIn(reference, currency);
        }
        if (body.has("companyName")) {
            // blank too: a customer Arrow names nothing
            world.universe().renameCustomer(reference, body.text("companyName", ""));
        }
        Customer customer = world.universe().customer(reference).orElseThrow();
        return Response.json(
                200,
                Json.obj(
                        "reference",
                        customer.reference(),
                        "companyName",
                        customer.companyName(),
                        "currency",
                        customer.currency()));
    }

    static Response renameLicense(World world, String reference, Body body) {
        License license = world.universe()
                .renameLicense(reference, body.required("friendlyName"))
                .orElseThrow(() -> ApiError.notFound("license " + reference + " not found"));
        return Response.json(200, Json.obj("reference", license.reference(), "friendlyName", license.friendlyName()));
    }
}
