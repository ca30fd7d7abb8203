package org.arrowsync.mappings;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.Partner;
import org.arrowsync.ledger.Customer;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.mappings.CustomerMappingRepository.MappingFields;
import org.arrowsync.settings.ArrowAccess;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsDraft;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wizard's last step: new active settings and their customer mappings in one transaction. Arrow is asked first
 * (partner, company names), so no transaction waits on the network.
 */
@Service
public class SettingsSetup {

    /** Up to this many mappings, their customers are looked up one by one rather than read from Arrow's list. */
    private static final int LOOKED_UP_ONE_BY_ONE = 10;

    private static final Logger log = LoggerFactory.getLogger(SettingsSetup.class);

    private final ArrowAccess arrow;
    private final SettingsService settings;
    private final CustomerService customers;
    private final CustomerMappingRepository mappings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SettingsSetup(
            ArrowAccess arrow,
            SettingsService settings,
            CustomerService customers,
            CustomerMappingRepository mappings,
            TransactionTemplate transaction,
            Clock clock) {
        this.arrow = arrow;
        this.settings = settings;
        this.customers = customers;
        this.mappings = mappings;
        this.transaction = transaction;
        this.clock = clock;
    }

    public SaveSettingsResponse save(SaveSettingsRequest request) {
        ArrowClient client = arrow.client(request.apiUrl(), request.apiKey());
        Requested requested = requestedMappings(request.customerMappings());
        Partner partner = client.whoami();
        Map<String, org.arrowsync.arrowclient.Customer> arrowCustomers =
                arrowCustomers(client, requested.mappings().keySet());
        String exportType = request.exportTypeReference() == null
                        || request.exportTypeReference().isBlank()
                ? null // not given: carried on from the record replaced, else the recommended one (D302)
                : request.exportTypeReference();
        SettingsDraft draft = SettingsDraft.active(
                request.apiUrl().strip(),
                request.apiKey(),
                exportType,
                request.classificationFilter(),
                Boolean.TRUE.equals(request.syncEnabled()));
        SaveSettingsResponse answer = transaction.execute(status -> {
            SettingsService.Created made = settings.create(draft, partner);
            Settings saved = made.settings();
            int created = 0;
            List<String> unknownCustomers = new ArrayList<>();
            List<String> unnamed = new ArrayList<>();
            List<String> twice = new ArrayList<>(requested.twice());
            Set<String> named = new HashSet<>();
            for (Map.Entry<String, UUID> mapping : requested.mappings().entrySet()) {
                Customer customer = customer(mapping.getValue());
                org.arrowsync.arrowclient.Customer known = arrowCustomers.get(mapping.getKey());
                // one active mapping per Arrow customer, however it is named (D98, D167)
                List<String> names = CustomerMapping.names(mapping.getKey(), known == null ? null : known.ref());
                if (customer == null) {
                    unknownCustomers.add(mapping.getKey());
                } else if (names.stream().anyMatch(named::contains)) {
                    twice.add(mapping.getKey());
                } else {
                    named.addAll(names);
                    if (known == null) {
                        unnamed.add(mapping.getKey());
                    }
                    mappings.insert(
                            new MappingFields(
                                    saved.id(),
                                    mapping.getKey(),
                                    known == null || known.companyName() == null ? "" : known.companyName(),
                                    known == null ? null : known.ref(),
                                    customer.id(),
                                    true),
                            clock.instant());
                    created++;
                }
            }
            Optional<SettingsService.Succession> succession = settings.carryOn(made, draft);
            return new SaveSettingsResponse(
                    Uuids.hex(saved.uuid()),
                    created,
                    saved(created, unknownCustomers, twice, unnamed)
                            + succession
                                    .filter(carried -> !carried.carried().isEmpty())
                                    .map(SettingsSetup::carried)
                                    .orElse(""));
        });
        return withExportTemplate(client, answer);
    }

    /**
     * D302: settings saved without an export template, and with none carried on from the record of their Arrow account
     * they replace (D163), take the one discovery recommends, as the console's wizard preselects it: no billing sync
     * runs without one (HomePort's wizard shows the recommendation and sends no choice). Arrow is asked after the save
     * has committed, so no transaction waits on it; the answer's message says what was taken.
     */
    private SaveSettingsResponse withExportTemplate(ArrowClient client, SaveSettingsResponse saved) {
        Settings record =
                settings.get(Uuids.parseReference(saved.settingsUuid()).orElseThrow());
        if (!record.exportTypeReference().isBlank()) {
            return saved;
        }
        Optional<String> recommended;
        try {
            recommended = ExportCompatibility.preselected(
                    ExportCompatibility.check(client, YearMonth.now(clock).minusMonths(1)));
        } catch (ArrowException e) {
            log.warn("Could not read Arrow's export types to choose the new settings' template: {}", e.getMessage());
            return saved;
        }
        if (recommended.isEmpty()) {
            return saved;
        }
        settings.useExportType(record, recommended.get());
        return new SaveSettingsResponse(
                saved.settingsUuid(),
                saved.mappingsCreated(),
                saved.message() + "; export template " + recommended.get()
                        + ", the one Arrow's export types recommend (none was given)");
    }

    /**
     * What was saved, and what was not as asked: a mapping to a customer this server does not have is skipped (as the
     * reference does), as is a second mapping of one Arrow customer, and one whose Arrow customer Arrow did not return
     * has no company name until a sync from Arrow.
     */
    private static String saved(int created, List<String> unknownCustomers, List<String> twice, List<String> unnamed) {
        StringBuilder message = new StringBuilder("Settings saved with " + created + " customer mappings");
        if (!unknownCustomers.isEmpty()) {
            message.append("; skipped, their customer is unknown: ").append(String.join(", ", unknownCustomers));
        }
        if (!twice.isEmpty()) {
            message.append("; skipped, their Arrow customer is mapped before in the same list: ")
                    .append(String.join(", ", twice));
        }
        if (!unnamed.isEmpty()) {
            message.append("; Arrow did not return ")
                    .append(String.join(", ", unnamed))
                    .append(", so their company names stay empty until customer-mappings sync_from_arrow");
        }
        return message.toString();
    }

    /** What new settings took over from the settings of the same Arrow account they replace (D163). */
    private static String carried(SettingsService.Succession succession) {
        return "; carried over from settings " + Uuids.hex(succession.replaced().uuid()) + ": "
                + String.join(", ", succession.carried());
    }

    /**
     * The mappings asked for: reference (trimmed) → customer, the first of a reference winning (one mapping per
     * reference and settings, in any case); {@code twice}: the later ones, skipped.
     */
    private record Requested(Map<String, UUID> mappings, List<String> twice) {}

    private static Requested requestedMappings(List<CustomerMappingInput> inputs) {
        FieldErrors errors = new FieldErrors();
        Map<String, UUID> requested = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<CustomerMappingInput> list = inputs == null ? List.of() : inputs;
        for (int i = 0; i < list.size(); i++) {
            CustomerMappingInput input = list.get(i);
            String prefix = "customer_mappings." + i + ".";
            boolean hasReference = errors.required(prefix + "arrow_reference", input.arrowReference());
            errors.maxLength(prefix + "arrow_reference", input.arrowReference(), CustomerMappingService.MAX_REFERENCE);
            UUID customer = null;
            if (errors.required(prefix + "waldur_customer_uuid", input.waldurCustomerUuid())) {
                customer = Uuids.fromReference(prefix + "waldur_customer_uuid", input.waldurCustomerUuid());
            }
            if (hasReference && customer != null) {
                String reference = input.arrowReference().strip();
                if (seen.add(CustomerMappingService.key(reference))) {
                    requested.put(reference, customer);
                } else {
                    twice.add(reference);
                }
            }
        }
        errors.throwIfAny();
        return new Requested(requested, twice);
    }

    private Customer customer(UUID uuid) {
        Customer customer = customers.find(uuid).orElse(null);
        if (customer == null) {
            log.warn("Setup skipped a mapping to unknown customer {}", uuid);
        }
        return customer;
    }

    /**
     * Arrow's customers of these references (for their company names and Refs), null where Arrow cannot say. Many are
     * read from Arrow's list of customers (a page holds a hundred; a look-up each, at Arrow's rate, kept a wizard of a
     * thousand mappings waiting minutes), matched as mappings match references (trimmed, in any case), and those the
     * list leaves out looked up one by one.
     */
    private static Map<String, org.arrowsync.arrowclient.Customer> arrowCustomers(
            ArrowClient client, Set<String> references) {
        Map<String, org.arrowsync.arrowclient.Customer> found = new LinkedHashMap<>();
        if (references.size() > LOOKED_UP_ONE_BY_ONE) {
            try {
                Map<String, String> byKey = new HashMap<>();
                references.forEach(reference -> byKey.putIfAbsent(CustomerMappingService.key(reference), reference));
                for (org.arrowsync.arrowclient.Customer customer : client.customers()) {
                    String reference = byKey.get(CustomerMappingService.key(customer.reference()));
                    if (reference != null) {
                        found.putIfAbsent(reference, customer);
                    }
                }
            } catch (ArrowException e) {
                // Arrow cannot list them now: a look-up each would keep the wizard waiting to learn the same
                log.warn("Could not list Arrow's customers: {}", e.getMessage());
                references.forEach(reference -> found.put(reference, null));
            }
        }
        Map<String, org.arrowsync.arrowclient.Customer> byReference = new LinkedHashMap<>();
        references.forEach(reference -> byReference.put(
                reference, found.containsKey(reference) ? found.get(reference) : arrowCustomer(client, reference)));
        return byReference;
    }

    /** Arrow's customer of this reference, or null when Arrow cannot say. */
    private static org.arrowsync.arrowclient.Customer arrowCustomer(ArrowClient client, String reference) {
        try {
            return client.customer(reference);
        } catch (ArrowException e) {
            log.warn("Could not read Arrow customer {}: {}", reference, e.getMessage());
            return null;
        }
    }

    @Schema(name = "CustomerMappingInputRequest")
    public record CustomerMappingInput(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String arrowReference,

            @Schema(requiredMode = RequiredMode.REQUIRED) String waldurCustomerUuid) {}

    @Schema(name = "SaveSettingsRequestRequest")
    public record SaveSettingsRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", minLength = 1)
            String apiUrl,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String apiKey,

            String exportTypeReference,
            @Schema(minLength = 1) String classificationFilter,
            Boolean syncEnabled,
            List<CustomerMappingInput> customerMappings) {

        @Override
        public String toString() {
            return "SaveSettingsRequest[apiUrl=" + apiUrl + "]";
        }
    }

    public record SaveSettingsResponse(String settingsUuid, int mappingsCreated, String message) {}
}
