package org.arrowsync.emulator.http;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.Universe;

/**
 * whoami and customers; customers are PascalCase on the wire (the official PHP client's CustomersClientTest;
 * docs/arrowsphere-api.md).
 */
final class CustomerEndpoints {

    private CustomerEndpoints() {}

    static Response whoami(String partnerReference) {
        return Paging.general(Partner.whoami(partnerReference), null);
    }

    static Response list(Universe universe, Request request) {
        Paging.Page page = Paging.snake(request, universe.customerCount());
        List<Map<String, Object>> customers = IntStream.range(page.from(), page.to())
                .mapToObj(i -> wire(universe.customer(i)))
                .toList();
        return Paging.general(Json.obj("customers", customers), Paging.snakeKeys(page, "customers"));
    }

    static Response one(Universe universe, String reference) {
        Customer customer = universe.customer(reference)
                .orElseThrow(() -> ApiError.notFound("customer " + reference + " not found"));
        return Paging.general(Json.obj("customers", List.of(wire(customer))), null);
    }

    private static Map<String, Object> wire(Customer c) {
        return Json.obj(
                "Reference",
                c.reference(),
                "CompanyName",
                c.companyName(),
                "Ref",
                c.ref(),
                "InternalReference",
                c.internalReference(),
                "EmailContact",
                c.email(),
                "AddressLine1",
                c.addressLine1(),
                "AddressLine2",
                "",
                "Zip",
                c.postCode(),
                "City",
                c.city(),
                "State",
                "",
                "CountryCode",
                c.countryCode(),
                "ReceptionPhone",
                c.phone(),
                "WebsiteUrl",
                "https://" + c.email().substring(c.email().indexOf('@') + 1),
                "BillingId",
                "",
                "Type",
                "End Customer",
                "Contact",
                Json.obj("FirstName", c.firstName(), "LastName", c.lastName(), "Email", c.email(), "Phone", c.phone()),
                "OrganizationUnit",
                Json.obj("OrganizationUnitRef", null, "Name", null),
                "Reseller",
                Json.obj("Ref", "DEMORESELLER", "CompanyName", Partner.COMPANY),
                "Details",
                Json.obj(
                        "TenantId",
                        c.tenantId(),
                        "DomainName",
                        c.email().substring(c.email().indexOf('@') + 1),
                        "Migration",
                        false),
                "CreatedAt",
                c.createdAt().atStartOfDay() + ":00.000Z",
                "DeletedAt",
                null,
                "PartnerTags",
                List.of());
    }
}
