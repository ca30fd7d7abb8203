package org.arrowsync.mappings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.Customer;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.mappings.ExportCompatibility.ExportTypeCompatibility;
import org.arrowsync.settings.ArrowAccess;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;

/** Arrow customers next to the operator's, with name suggestions for the ones not mapped yet. */
@Service
public class CustomerDiscovery {

    private final ArrowAccess arrow;
    private final ArrowClients clients;
    private final SettingsService settings;
    private final CustomerMappingService mappings;
    private final CustomerService customers;
    private final Clock clock;

    CustomerDiscovery(
            ArrowAccess arrow,
            ArrowClients clients,
            SettingsService settings,
            CustomerMappingService mappings,
            CustomerService customers,
            Clock clock) {
        this.arrow = arrow;
        this.clients = clients;
        this.settings = settings;
        this.mappings = mappings;
        this.customers = customers;
        this.clock = clock;
    }

    /** The setup wizard's discovery with typed-in credentials; an Arrow failure listing customers is a 400. */
    public DiscoverCustomersResponse discover(String apiUrl, String apiKey) {
        ArrowClient client = arrow.client(apiUrl, apiKey);
        List<ArrowCustomerDiscovery> arrowCustomers =
                client.customers().stream().map(ArrowCustomerDiscovery::of).toList();
        List<ExportTypeCompatibility> exportTypes =
                ExportCompatibility.check(client, YearMonth.now(clock).minusMonths(1));
        List<WaldurCustomerBrief> waldur = waldurCustomers();
        Set<String> mapped = mappings.referencesOfAnySettings();
        return new DiscoverCustomersResponse(
                arrowCustomers, waldur, suggest(arrowCustomers, waldur, mapped), exportTypes);
    }

    /**
     * The operator customer each Arrow customer is actively mapped to by a settings record of the account these
     * credentials reach (the partner as Arrow names it), by reference: what the wizard offers to carry over to new
     * settings of the same account. The records in use speak first, the newest first, then those retired, newest first:
     * a customer a record mapped again elsewhere, or deactivated, since an older one mapped it is carried as that
     * record left it, not as the older one did (D303).
     */
    public Map<String, Carried> mappedByTheAccount(String apiUrl, String apiKey, String partnerReference) {
        Set<Long> inUse = settings.inUse().stream().map(Settings::id).collect(Collectors.toSet());
        List<Settings> newestFirst = settings.ofTheAccount(apiUrl, apiKey, partnerReference).stream()
                .sorted(Comparator.comparing((Settings record) -> !inUse.contains(record.id()))
                        .thenComparing(Settings::id, Comparator.reverseOrder()))
                .toList();
        Map<String, Carried> mapped = new HashMap<>();
        Set<String> decided = new HashSet<>();
        for (Settings record : newestFirst) {
            for (CustomerMapping mapping : mappings.all(record)) {
                if (decided.add(mapping.arrowReference()) && mapping.active()) {
                    mapped.put(
                            mapping.arrowReference(),
                            new Carried(Uuids.hex(mapping.customerUuid()), mapping.customerName()));
                }
            }
        }
        return mapped;
    }

    /** The operator customer a mapping carried over bills: its uuid as the API writes it, and its name. */
    public record Carried(String customerUuid, String customerName) {}

    /**
     * Arrow customers of the active settings not mapped (actively) yet; failures answer {@code {"detail": …}} as the
     * reference.
     */
    public AvailableArrowCustomersResponse available() {
        Settings active = settings.active()
                .orElseThrow(() -> new ArrowCustomersUnavailable("No active Arrow settings configured"));
        List<Customer> all;
        try {
            all = clients.connect(active.connection()).customers();
        } catch (ArrowException e) {
            throw new ArrowCustomersUnavailable("Failed to fetch Arrow customers: " + e.getMessage());
        }
        Set<String> mapped = mappings.active(active).stream()
                .map(CustomerMapping::arrowReference)
                .collect(Collectors.toSet());
        List<ArrowCustomerDiscovery> unmapped = all.stream()
                .filter(customer -> !mapped.contains(customer.reference()))
                .map(ArrowCustomerDiscovery::of)
                .toList();
        List<WaldurCustomerBrief> waldur = waldurCustomers();
        return new AvailableArrowCustomersResponse(
                Uuids.hex(active.uuid()), unmapped, waldur, suggest(unmapped, waldur, Set.of()));
    }

    /** Whether each export type Arrow offers the settings carries the columns a sync needs (one page of last month). */
    public List<ExportTypeCompatibility> exportTypes(Settings chosen) {
        return ExportCompatibility.check(
                clients.connect(chosen.connection()), YearMonth.now(clock).minusMonths(1));
    }

    /** {@link #exportTypes(Settings)} with credentials typed but not saved: a trial, whose calls no health notes. */
    public List<ExportTypeCompatibility> exportTypes(ArrowConnection typed) {
        return ExportCompatibility.check(
                clients.tryOut(typed), YearMonth.now(clock).minusMonths(1));
    }

    /** Copies Arrow's current company names onto the active mappings of the settings (D18: those asked for). */
    SyncFromArrowResponse syncFromArrow(UUID settingsUuid) {
        Settings chosen = settings.resolve(settingsUuid);
        Map<String, Customer> byReference = clients.connect(chosen.connection()).customers().stream()
                .collect(Collectors.toMap(Customer::reference, Function.identity(), (first, second) -> first));
        int updated = 0;
        for (CustomerMapping mapping : mappings.active(chosen)) {
            Customer customer = byReference.get(mapping.arrowReference());
            // a customer Arrow names nothing keeps the name its lines are matched by
            if (customer != null
                    && customer.companyName() != null
                    && !Objects.equals(customer.companyName(), mapping.arrowCompanyName())) {
                mappings.renameCompany(mapping, customer.companyName());
                updated++;
            }
        }
        return new SyncFromArrowResponse(updated);
    }

    private List<WaldurCustomerBrief> waldurCustomers() {
        return customers.all().stream()
                .map(customer ->
                        new WaldurCustomerBrief(Uuids.hex(customer.uuid()), customer.name(), customer.abbreviation()))
                .toList();
    }

    private static List<CustomerMappingSuggestion> suggest(
            List<ArrowCustomerDiscovery> arrowCustomers, List<WaldurCustomerBrief> waldur, Set<String> mapped) {
        return arrowCustomers.stream()
                .map(customer -> {
                    if (mapped.contains(customer.reference())) {
                        return new CustomerMappingSuggestion(customer, null, 0.0, true);
                    }
                    return NameMatch.best(
                                    customer.companyName(),
                                    waldur,
                                    WaldurCustomerBrief::name,
                                    NameMatch.CUSTOMER_THRESHOLD)
                            .map(match -> new CustomerMappingSuggestion(
                                    customer, match.candidate(), match.confidence(), false))
                            .orElseGet(() -> new CustomerMappingSuggestion(customer, null, 0.0, false));
                })
                .toList();
    }

    /** Arrow's camelCase keys, kept on the wire as the contract shows them. */
    public record ArrowCustomerDiscovery(
            String reference,
            @JsonProperty("companyName") String companyName,
            @JsonInclude(JsonInclude.Include.NON_NULL) String email,
            @JsonInclude(JsonInclude.Include.NON_NULL) String city,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("countryCode")
            String countryCode) {

        static ArrowCustomerDiscovery of(Customer customer) {
            return new ArrowCustomerDiscovery(
                    customer.reference(),
                    customer.companyName() == null ? "" : customer.companyName(),
                    customer.email(),
                    customer.city(),
                    customer.countryCode());
        }
    }

    public record WaldurCustomerBrief(
            String uuid,
            String name,
            @JsonInclude(JsonInclude.Include.NON_NULL) String abbreviation) {}

    /** No suggestion is an absent {@code suggested_waldur_customer}, as the contract does not allow null there. */
    public record CustomerMappingSuggestion(
            ArrowCustomerDiscovery arrowCustomer,
            @JsonInclude(JsonInclude.Include.NON_NULL) WaldurCustomerBrief suggestedWaldurCustomer,
            double confidence,
            boolean existingMapping) {}

    public record DiscoverCustomersResponse(
            List<ArrowCustomerDiscovery> arrowCustomers,
            List<WaldurCustomerBrief> waldurCustomers,
            List<CustomerMappingSuggestion> suggestions,
            List<ExportTypeCompatibility> exportTypes) {}

    public record AvailableArrowCustomersResponse(
            String settingsUuid,
            List<ArrowCustomerDiscovery> arrowCustomers,
            List<WaldurCustomerBrief> waldurCustomers,
            List<CustomerMappingSuggestion> suggestions) {}

    record SyncFromArrowResponse(int updated) {}
}
