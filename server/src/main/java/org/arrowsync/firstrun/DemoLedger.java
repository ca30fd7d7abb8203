package org.arrowsync.firstrun;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.Customer;
import org.arrowsync.arrowclient.License;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.ledger.Offering;
import org.arrowsync.ledger.OfferingService;
import org.arrowsync.ledger.OfferingService.NewOffering;
import org.arrowsync.ledger.Project;
import org.arrowsync.ledger.ProjectService;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.ledger.ResourceService.ResourceDraft;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The operator's side of the demo, as a first look at every feature needs it: customers named like, but not as, the
 * Arrow ones (so the suggestions have something to do), each with a project holding one resource per license of the
 * Arrow customer it resembles, linked by the license reference (D12) so consumption tracking has something to track.
 */
@Component
class DemoLedger {

    /** An operator customer of the demo and the Arrow company it resembles. */
    record DemoCustomer(String name, String arrowCompany) {}

    static final List<DemoCustomer> CUSTOMERS = List.of(
            new DemoCustomer("Contoso", "Contoso Ltd"),
            new DemoCustomer("Fabrikam, Inc.", "Fabrikam Inc"),
            new DemoCustomer("Northwind Trading", "Northwind Traders"),
            new DemoCustomer("Adventure Works", "Adventure Works Cycles"),
            new DemoCustomer("Tailspin Toys Co.", "Tailspin Toys"));

    static final String OFFERING = "Arrow subscriptions";
    static final String PLAN = "Pay as you go";
    static final String PROJECT = "Cloud subscriptions";

    private final CustomerService customers;
    private final ProjectService projects;
    private final OfferingService offerings;
    private final ResourceService resources;

    DemoLedger(
            CustomerService customers, ProjectService projects, OfferingService offerings, ResourceService resources) {
        this.customers = customers;
        this.projects = projects;
        this.offerings = offerings;
        this.resources = resources;
    }

    /** Creates the demo customers, their projects and licensed resources; answers how many resources. */
    int create(ArrowClient arrow) {
        Offering offering = offerings.create(new NewOffering(
                OFFERING,
                "Marketplace.Basic",
                "Active",
                List.of(new Offering.Component("cloud_cost", "Cloud Cost", "usage", "EUR")),
                List.of(PLAN)));
        Map<String, String> arrowReferences = arrow.customers().stream()
                .collect(Collectors.toMap(Customer::companyName, Customer::reference, (first, second) -> first));
        Map<String, List<License>> licenses =
                arrow.licenses().stream().collect(Collectors.groupingBy(License::customerReference));
        int created = 0;
        for (DemoCustomer demo : CUSTOMERS) {
            Project project = projects.create(customers.create(demo.name()).uuid(), PROJECT, "");
            List<License> owned = licenses.getOrDefault(arrowReferences.get(demo.arrowCompany()), List.of());
            for (License license : owned) {
                resources.create(new ResourceDraft(
                        name(license),
                        license.reference(),
                        null,
                        offering.uuid(),
                        project.uuid(),
                        offering.plans().get(0).uuid(),
                        JsonNodeFactory.instance.objectNode().put(Resource.LICENSE_ATTRIBUTE, license.reference()),
                        null,
                        null));
                created++;
            }
        }
        return created;
    }

    private static String name(License license) {
        return Stream.of(license.friendlyName(), license.name(), license.reference())
                .filter(text -> text != null && !text.isBlank())
                .findFirst()
                .orElseThrow();
    }
}
