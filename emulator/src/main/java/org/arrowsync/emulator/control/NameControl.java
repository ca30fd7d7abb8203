package org.arrowsync.emulator.control;

import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.License;
import org.arrowsync.emulator.data.World;
import org.arrowsync.emulator.http.ApiError;
import org.arrowsync.emulator.http.Json;
import org.arrowsync.emulator.http.Response;

/** Renames: Arrow renaming a customer (its reference stays), a customer renaming a subscription's friendly name. */
final class NameControl {

    private NameControl() {}

    static Response renameCustomer(World world, String reference, Body body) {
        Customer customer = world.universe()
                .renameCustomer(reference, body.required("companyName"))
                .orElseThrow(() -> ApiError.notFound("customer " + reference + " not found"));
        return Response.json(200, Json.obj("reference", customer.reference(), "companyName", customer.companyName()));
    }

    static Response renameLicense(World world, String reference, Body body) {
        License license = world.universe()
                .renameLicense(reference, body.required("friendlyName"))
                .orElseThrow(() -> ApiError.notFound("license " + reference + " not found"));
        return Response.json(200, Json.obj("reference", license.reference(), "friendlyName", license.friendlyName()));
    }
}
