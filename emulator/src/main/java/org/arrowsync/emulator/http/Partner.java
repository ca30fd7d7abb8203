package org.arrowsync.emulator.http;

import java.util.Map;

/** The partner the API key belongs to; fixed but for its reference, because clients only display and store it. */
final class Partner {

    static final String COMPANY = "Demo Reseller SAS";
    static final String BILL_FROM = "Arrow ECS SAS";

    private Partner() {}

    static Map<String, Object> whoami(String reference) {
        return Json.obj(
                "companyName",
                COMPANY,
                "addressLine1",
                "1 Avenue des Champs-Elysees",
                "addressLine2",
                "",
                "zip",
                "75008",
                "city",
                "Paris",
                "countryCode",
                "FR",
                "state",
                "",
                "receptionPhone",
                "+33 1 40 00 00 00",
                "websiteUrl",
                "https://reseller.example",
                "emailContact",
                "billing@reseller.example",
                "headcount",
                42,
                "taxNumber",
                "FR12345678901",
                "reference",
                reference,
                "ref",
                "DEMORESELLER",
                "billingId",
                "BID-12345",
                "internalReference",
                "RES-001",
                "preferredCurrency",
                "EUR");
    }
}
