package org.arrowsync.billing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.billing.ResourceSync.Result;
import org.arrowsync.billing.ResourceSync.Subscription;
import org.arrowsync.ledger.Customer;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.ledger.Offering;
import org.arrowsync.ledger.OfferingService;
import org.arrowsync.ledger.OfferingService.NewOffering;
import org.arrowsync.ledger.Project;
import org.arrowsync.ledger.ProjectService;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.mappings.MappingIndex;
import org.arrowsync.settings.Settings;
import org.springframework.stereotype.Service;

/**
 * Force-import: operator customers (with the details the export's End User columns give), projects and mappings created
 * from Arrow's data where they are missing.
 */
@Service
class ArrowImport {

    static final String OFFERING_NAME = "Arrow Azure Subscriptions";
    static final String PROJECT_NAME = "Arrow Azure Subscriptions";

    private final CustomerService customers;
    private final ProjectService projects;
    private final OfferingService offerings;
    private final CustomerMappingService mappings;
    private final ArrowClients clients;

    ArrowImport(
            CustomerService customers,
            ProjectService projects,
            OfferingService offerings,
            CustomerMappingService mappings,
            ArrowClients clients) {
        this.customers = customers;
        this.projects = projects;
        this.offerings = offerings;
        this.mappings = mappings;
        this.clients = clients;
    }

    /**
     * The export's customers to import, each with its subscriptions and XSP reference (D24: Arrow's customer list is
     * read when an End User Company ID is a Ref); a subscription whose customer cannot be told is an error on the
     * result. Reads only: call before the transaction that writes.
     */
    List<Company> companies(Settings settings, Collection<Subscription> subscriptions, Result result) {
        // by name and id: two Arrow customers of one name are two customers (D279)
        Map<EndUser, List<Subscription>> byCustomer = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions) {
            String company = subscription.endUser().companyName();
            if (company == null || company.isBlank()) {
                result.error(
                        subscription.id(),
                        "The export names no customer (End User Company Name) for this subscription");
            } else {
                String id = subscription.endUser().reference();
                byCustomer
                        .computeIfAbsent(
                                new EndUser(company.strip(), id == null ? "" : id.strip()), key -> new ArrayList<>())
                        .add(subscription);
            }
        }
        XspReferences xsp = new XspReferences(settings);
        List<Company> companies = new ArrayList<>();
        for (Map.Entry<EndUser, List<Subscription>> entry : byCustomer.entrySet()) {
            String name = entry.getKey().name();
            String id = entry.getKey().id();
            if (id.isEmpty()) {
                entry.getValue()
                        .forEach(subscription -> result.error(
                                subscription.id(),
                                "The export has no End User Company ID for customer '" + name + "'"));
                continue;
            }
            String reference = xsp.of(id);
            if (reference == null) {
                entry.getValue()
                        .forEach(subscription -> result.error(
                                subscription.id(),
                                "Arrow lists no customer with Ref '" + id + "' (customer '" + name + "')"));
                continue;
            }
            companies.add(new Company(name, id, reference, entry.getValue()));
        }
        return companies;
    }

    /** A customer as an export's rows name it: its company name and End User Company ID, both trimmed. */
    private record EndUser(String name, String id) {}

    /**
     * Creates what the {@code companies} lack (operator customer, project, mapping) and applies their subscriptions.
     * Call inside a transaction that took {@code ResourceService.lockCreations} first.
     */
    void forceImport(
            Settings settings, List<Company> companies, Optional<Offering> given, Result result, Applier apply) {
        Offering offering = given.orElseGet(this::arrowOffering);
        // Operator customers are found by name compared as the billing sync compares them (D13).
        Map<String, Customer> byName = new LinkedHashMap<>();
        customers.all().forEach(customer -> byName.putIfAbsent(MappingIndex.name(customer.name()), customer));
        Set<String> mapped = mappings.active(settings).stream()
                .map(CustomerMapping::arrowReference)
                .collect(Collectors.toSet());
        for (Company company : companies) {
            Customer customer = byName.computeIfAbsent(MappingIndex.name(company.name()), name -> {
                result.customerCreated();
                return customers.create(company.subscriptions().get(0).endUser().toCustomer());
            });
            Project project = projects.ofCustomer(customer).stream()
                    .filter(p -> p.name().toLowerCase().contains("arrow"))
                    .findFirst()
                    .orElseGet(() -> {
                        result.projectCreated();
                        return projects.create(customer.uuid(), PROJECT_NAME, "Azure subscriptions synced from Arrow");
                    });
            String reference = company.reference();
            if (mapped.add(reference)) {
                mappings.ensure(
                        settings,
                        reference,
                        reference.equals(company.id()) ? null : company.id(),
                        company.name(),
                        customer.uuid());
                result.mappingCreated();
            }
            company.subscriptions()
                    .forEach(subscription -> apply.apply(subscription, offering, project, null, null, result));
        }
    }

    /** A customer of the export: its name, End User Company ID and XSP reference, and its subscriptions. */
    record Company(String name, String id, String reference, List<Subscription> subscriptions) {}

    private Offering arrowOffering() {
        return offerings
                .findByName("Arrow Azure")
                .orElseGet(() -> offerings.create(new NewOffering(
                        OFFERING_NAME,
                        "Support.OfferingTemplate",
                        "Active",
                        List.of(new Offering.Component("cloud_cost", "Cloud Cost", "usage", "EUR")),
                        List.of("Arrow Cloud Cost"))));
    }

    /**
     * The XSP reference of an End User Company ID (D24): itself when it is one, else the reference of the customer
     * whose Ref it is, from Arrow's customer list (read once, when first needed).
     */
    private final class XspReferences {

        private final Settings settings;
        private Map<String, String> byRef;

        XspReferences(Settings settings) {
            this.settings = settings;
        }

        String of(String id) {
            if (BillingLine.isXspReference(id)) {
                return id.strip();
            }
            if (byRef == null) {
                byRef = new HashMap<>();
                clients.connect(settings.connection()).customers().stream()
                        .filter(customer -> customer.ref() != null)
                        .forEach(customer -> byRef.putIfAbsent(key(customer.ref()), customer.reference()));
            }
            return byRef.get(key(id));
        }

        private static String key(String value) {
            return value.strip().toUpperCase(Locale.ROOT);
        }
    }

    @FunctionalInterface
    interface Applier {
        void apply(
                Subscription subscription,
                Offering offering,
                Project project,
                CustomerMapping owner,
                UUID planUuid,
                Result result);
    }
}
