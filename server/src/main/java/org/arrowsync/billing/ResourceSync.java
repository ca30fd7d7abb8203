package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportRow;
import org.arrowsync.ledger.Offering;
import org.arrowsync.ledger.OfferingService;
import org.arrowsync.ledger.Project;
import org.arrowsync.ledger.ProjectService;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.ledger.ResourceService.ResourceDraft;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.mappings.MappingIndex;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.settings.VendorOfferingMapping;
import org.arrowsync.settings.VendorOfferingMappingService;
import org.arrowsync.shared.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates and updates resources for the IaaS subscriptions of a billing-export range. Existing resources are found by
 * backend id only within the offering being synced (D14); a subscription with no offering or project is an error, not
 * an update. Invoicing stays with the billing sync, so no amount is billed twice (D2). A resource takes Arrow's
 * friendly name and follows Arrow's renames, unless an operator renamed it (D31). Only the columns it uses are needed:
 * no line reference.
 */
@Service
class ResourceSync {

    private final SettingsService settings;
    private final CustomerMappingService mappings;
    private final VendorOfferingMappingService vendors;
    private final ArrowClients clients;
    private final ResourceService resources;
    private final ProjectService projects;
    private final OfferingService offerings;
    private final ArrowImport imports;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ResourceSync(
            SettingsService settings,
            CustomerMappingService mappings,
            VendorOfferingMappingService vendors,
            ArrowClients clients,
            ResourceService resources,
            ProjectService projects,
            OfferingService offerings,
            ArrowImport imports,
            TransactionTemplate transactions,
            Clock clock) {
        this.settings = settings;
        this.mappings = mappings;
        this.vendors = vendors;
        this.clients = clients;
        this.resources = resources;
        this.projects = projects;
        this.offerings = offerings;
        this.imports = imports;
        this.transactions = transactions;
        this.clock = clock;
    }

    SyncResourcesResponse sync(Request request) {
        FieldErrors errors = new FieldErrors();
        errors.notBlank("period_from", request.periodFrom());
        errors.notBlank("period_to", request.periodTo());
        errors.throwIfAny();
        YearMonth now = YearMonth.now(clock);
        ArrowLookups.Range range = ArrowLookups.Range.of(
                Objects.requireNonNullElse(
                        request.periodFrom(), now.minusMonths(5).toString()),
                Objects.requireNonNullElse(request.periodTo(), now.toString()));
        Settings chosen = settings.resolve(request.settingsUuid()).requireExportTemplate();
        Optional<Offering> offering =
                Optional.ofNullable(request.offeringUuid()).map(offerings::named);
        Optional<Project> project = Optional.ofNullable(request.projectUuid()).map(projects::named);
        Result result = new Result();
        Map<String, Subscription> subscriptions = subscriptions(chosen, range, result);
        if (request.forceImport()) {
            List<ArrowImport.Company> companies = imports.companies(chosen, subscriptions.values(), result);
            creating(() -> imports.forceImport(chosen, companies, offering, result, this::apply));
        } else {
            creating(() -> applyMapped(chosen, subscriptions.values(), offering, project, result));
        }
        return result.response();
    }

    /**
     * Runs what creates resources (and customers and projects) in one transaction that takes turns with any other that
     * does (D174): two runs sent together would each find a resource missing and both create it. Arrow is read before.
     */
    private void creating(Runnable writes) {
        transactions.executeWithoutResult(status -> {
            resources.lockCreations();
            writes.run();
        });
    }

    /** Applies each subscription to the offering its vendor is mapped to, else the one given. */
    private void applyMapped(
            Settings chosen,
            Collection<Subscription> subscriptions,
            Optional<Offering> offering,
            Optional<Project> project,
            Result result) {
        Map<String, VendorOfferingMapping> byVendor = vendors.activeByVendor(chosen);
        MappingIndex arrowCustomers = new MappingIndex(mappings.active(chosen));
        for (Subscription subscription : subscriptions) {
            VendorOfferingMapping mapped = byVendor.get(subscription.vendor());
            Optional<Offering> target = mapped != null ? Optional.of(offerings.named(mapped.offeringUuid())) : offering;
            apply(
                    subscription,
                    target.orElse(null),
                    project.orElse(null),
                    arrowCustomers
                            .match(
                                    subscription.endUser().reference(),
                                    subscription.endUser().companyName())
                            .orElse(null),
                    mapped == null ? null : mapped.planUuid(),
                    result);
        }
    }

    /**
     * Creates or updates the subscription's resource; counts what happened on the result. {@code owner}: the mapping of
     * the line's Arrow customer, null when none is known.
     */
    void apply(
            Subscription subscription,
            Offering offering,
            Project project,
            CustomerMapping owner,
            UUID planUuid,
            Result result) {
        if (!subscription.problems().isEmpty()) {
            result.error(
                    subscription.id(),
                    "Lines of this subscription could not be read, so its totals are unknown; not synced: "
                            + subscription.problems().get(0));
            return;
        }
        if (offering == null) {
            result.error(
                    subscription.id(),
                    "No offering for vendor '" + subscription.vendor() + "': map the vendor or pass offering_uuid");
            return;
        }
        Optional<Resource> existing = resources.inOffering(offering.uuid(), subscription.id());
        if (existing.isPresent()) {
            Resource resource = existing.get();
            ObjectNode attributes = resource.attributes().isObject()
                    ? ((ObjectNode) resource.attributes()).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            attributes.setAll(subscription.attributes());
            resources.update(
                    resource.uuid(),
                    new ResourceDraft(
                            subscription.nameFor(resource),
                            resource.backendId(),
                            resource.state(),
                            offering.uuid(),
                            resource.project().uuid(),
                            resource.plan() == null ? planUuid : resource.plan().uuid(),
                            attributes,
                            subscription.report(),
                            subscription.usages()));
            result.updated();
        } else if (project == null) {
            result.error(subscription.id(), "No project for subscription " + subscription.id() + ": pass project_uuid");
        } else if (owner != null && !owner.customerUuid().equals(project.customerUuid())) {
            // D91: consumption tracking would bill the project's customer for another customer's subscription
            result.error(
                    subscription.id(),
                    "Subscription " + subscription.id() + " is Arrow customer '" + owner.arrowCompanyName()
                            + "', mapped to " + owner.customerName() + ", not to the project's customer "
                            + project.customerName() + ": not created");
        } else {
            UUID plan = planUuid != null
                    ? planUuid
                    : offering.plans().stream()
                            .findFirst()
                            .map(Offering.Plan::uuid)
                            .orElse(null);
            resources.create(new ResourceDraft(
                    subscription.name(),
                    subscription.id(),
                    ResourceService.OK,
                    offering.uuid(),
                    project.uuid(),
                    plan,
                    subscription.attributes(),
                    subscription.report(),
                    subscription.usages()));
            result.created();
        }
    }

    /**
     * IaaS lines of the range, one entry per vendor subscription id; only sums are kept, never the lines. An export
     * with lines but none to sync says so.
     */
    private Map<String, Subscription> subscriptions(Settings chosen, ArrowLookups.Range range, Result result) {
        Map<String, Subscription> subscriptions = new TreeMap<>();
        ExportQuery query = new ExportQuery(
                chosen.exportTypeReference(), range.from(), range.to(), List.of(), List.of(), List.of());
        long[] rows = {0};
        clients.connect(chosen.connection()).forEachExportPage(query, page -> {
            for (ExportRow row : page.rows()) {
                rows[0]++;
                BillingLineResult read = row.billingLine();
                BillingLine line = read.line();
                if ("IAAS".equalsIgnoreCase(line.classification())
                        && line.vendorSubscriptionId() != null
                        && !line.vendorSubscriptionId().isBlank()) {
                    Subscription subscription = subscriptions.computeIfAbsent(
                            line.vendorSubscriptionId(), id -> Subscription.of(line, row));
                    if (read.isValid()) {
                        subscription.add(line);
                    } else {
                        subscription.unreadable(read.problem());
                    }
                }
            }
        });
        if (rows[0] > 0 && subscriptions.isEmpty()) {
            result.error(
                    "",
                    "None of the export's " + rows[0] + " lines is an IAAS line with a Vendor Subscription ID"
                            + " (are the Classification and Vendor Subscription ID columns in the template?)");
        }
        return subscriptions;
    }

    record Request(
            String periodFrom,
            String periodTo,
            UUID settingsUuid,
            UUID offeringUuid,
            UUID projectUuid,
            boolean forceImport) {}

    /** Counts what a resource sync did; read once, as its {@link SyncResourcesResponse}. */
    static final class Result {
        private int synced;
        private int created;
        private int updated;
        private int customersCreated;
        private int projectsCreated;
        private int mappingsCreated;
        private final List<SyncError> errors = new ArrayList<>();

        void created() {
            created++;
            synced++;
        }

        void updated() {
            updated++;
            synced++;
        }

        void customerCreated() {
            customersCreated++;
        }

        void projectCreated() {
            projectsCreated++;
        }

        void mappingCreated() {
            mappingsCreated++;
        }

        void error(String subscription, String message) {
            errors.add(new SyncError(subscription, message));
        }

        /**
         * Orders, invoices and invoice items are never created here (the ledger has no orders; invoicing is the billing
         * sync's, D2).
         */
        SyncResourcesResponse response() {
            return new SyncResourcesResponse(
                    synced,
                    created,
                    updated,
                    0,
                    customersCreated,
                    projectsCreated,
                    mappingsCreated,
                    0,
                    0,
                    List.copyOf(errors));
        }
    }

    /** The contract's reply of sync_resources. */
    record SyncResourcesResponse(
            int synced,
            int created,
            int updated,
            int ordersCreated,
            int customersCreated,
            int projectsCreated,
            int mappingsCreated,
            int invoicesCreated,
            int invoiceItemsCreated,
            List<SyncError> errors) {}

    @Schema(name = "ResourceSyncError")
    record SyncError(String subscriptionId, String error) {}

    /**
     * One vendor subscription over the range: what a resource shows of it, its customer as the export describes it, and
     * the problems of lines that could not be read.
     */
    record Subscription(
            String id,
            String name,
            EndUser endUser,
            String vendor,
            String classification,
            String licenseReference,
            Map<YearMonth, BigDecimal[]> periods,
            List<String> problems) {

        /** Where a resource keeps the name Arrow last gave it, to tell an operator's rename from Arrow's. */
        static final String ARROW_NAME_ATTRIBUTE = "arrow_friendly_name";

        /** Named as the reference names it: the Friendly Name, else the product, else "Unknown". */
        static Subscription of(BillingLine line, ExportRow row) {
            String name = Stream.of(row.cell("Friendly Name"), line.product())
                    .filter(value -> value != null && !value.isBlank())
                    .map(String::strip)
                    .findFirst()
                    .orElse("Unknown");
            return new Subscription(
                    line.vendorSubscriptionId(),
                    name,
                    EndUser.of(line, row),
                    line.vendor(),
                    line.classification(),
                    line.licenseReference(),
                    new TreeMap<>(),
                    new ArrayList<>());
        }

        /**
         * The name an existing resource gets (D31): Arrow's, unless an operator renamed the resource since Arrow last
         * named it.
         */
        String nameFor(Resource resource) {
            JsonNode last =
                    resource.attributes() == null ? null : resource.attributes().get(ARROW_NAME_ATTRIBUTE);
            boolean renamedByOperator = last != null && !last.asString().equals(resource.name());
            return renamedByOperator ? resource.name() : name;
        }

        void unreadable(String problem) {
            problems.add(problem);
        }

        void add(BillingLine line) {
            BigDecimal[] sums = periods.computeIfAbsent(
                    line.reportPeriod(), period -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(line.sellTotal());
            sums[1] = sums[1].add(line.buyTotal());
        }

        BigDecimal sell() {
            return periods.values().stream().map(sums -> sums[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal buy() {
            return periods.values().stream().map(sums -> sums[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        ObjectNode attributes() {
            return JsonNodeFactory.instance
                    .objectNode()
                    .put(Resource.LICENSE_ATTRIBUTE, licenseReference == null ? "" : licenseReference)
                    .put(Resource.VENDOR_ATTRIBUTE, vendor == null ? "" : vendor)
                    .put(Resource.CLASSIFICATION_ATTRIBUTE, classification == null ? "" : classification)
                    .put(Resource.SUBSCRIPTION_ATTRIBUTE, id)
                    .put(ARROW_NAME_ATTRIBUTE, name);
        }

        ObjectNode usages() {
            return JsonNodeFactory.instance
                    .objectNode()
                    .put("cloud_cost", sell().toPlainString())
                    .put("arrow_buy_total", buy().toPlainString());
        }

        ArrayNode report() {
            ArrayNode report = JsonNodeFactory.instance.arrayNode();
            report.addObject()
                    .put("header", "Billing Summary")
                    .put(
                            "body",
                            "Subscription " + id + " (" + vendor + "), license " + licenseReference + ": sell "
                                    + sell().toPlainString() + ", buy " + buy().toPlainString());
            periods.forEach((period, sums) -> report.addObject()
                    .put("header", "Billing Period: " + period)
                    .put("body", "sell " + sums[0].toPlainString() + ", buy " + sums[1].toPlainString()));
            return report;
        }
    }
}
