package org.arrowsync.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger")
@RestController
@RequestMapping("/api/customers/")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(summary = "List customers")
    Listing<CustomerView> list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String query,
            PageRequest page) {
        return customers.list(name, query, page).map(CustomerView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a customer")
    CustomerView get(@PathVariable String uuid) {
        return CustomerView.of(customers.get(Uuids.fromPath(uuid)));
    }

    @PostMapping
    @Operation(summary = "Create a customer")
    @ResponseStatus(HttpStatus.CREATED)
    CustomerView create(@RequestBody CustomerForm form) {
        return CustomerView.of(customers.create(form.toFields()));
    }

    @PutMapping("{uuid}/")
    @Operation(summary = "Replace a customer")
    CustomerView replace(@PathVariable String uuid, @RequestBody CustomerForm form) {
        return CustomerView.of(customers.update(Uuids.fromPath(uuid), form.toFields()));
    }

    @PatchMapping("{uuid}/")
    @Operation(summary = "Change some fields of a customer")
    CustomerView patch(@PathVariable String uuid, @RequestBody CustomerForm form) {
        Customer existing = customers.get(Uuids.fromPath(uuid));
        return CustomerView.of(customers.update(existing.uuid(), form.over(existing)));
    }

    @DeleteMapping("{uuid}/")
    @Operation(summary = "Delete a customer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String uuid) {
        customers.delete(Uuids.fromPath(uuid));
    }

    record CustomerForm(String name, String abbreviation, String email, String address, String postal, String country) {

        CustomerFields toFields() {
            return new CustomerFields(
                    name, orEmpty(abbreviation), orEmpty(email), orEmpty(address), orEmpty(postal), orEmpty(country));
        }

        /** PATCH: absent fields keep their current values. */
        CustomerFields over(Customer current) {
            return new CustomerFields(
                    name != null ? name : current.name(),
                    abbreviation != null ? abbreviation : current.abbreviation(),
                    email != null ? email : current.email(),
                    address != null ? address : current.address(),
                    postal != null ? postal : current.postal(),
                    country != null ? country : current.country());
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    record CustomerView(
            String url,
            String uuid,
            String name,
            String abbreviation,
            String email,
            String address,
            String postal,
            String country,
            Instant created,
            Instant modified) {

        static CustomerView of(Customer customer) {
            return new CustomerView(
                    ApiUrls.of("customers", customer.uuid()),
                    Uuids.hex(customer.uuid()),
                    customer.name(),
                    customer.abbreviation(),
                    customer.email(),
                    customer.address(),
                    customer.postal(),
                    customer.country(),
                    customer.created(),
                    customer.modified());
        }
    }
}
