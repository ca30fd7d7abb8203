package org.arrowsync.mappings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.ledger.Customer;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.mappings.CustomerMappingRepository.MappingFields;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.DeletionGuard;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerMappingService {

    /** The longest Arrow customer reference a mapping takes, however it is created. */
    static final int MAX_REFERENCE = 255;

    private final CustomerMappingRepository mappings;
    private final SettingsService settings;
    private final CustomerService customers;
    private final List<DeletionGuard<CustomerMapping>> guards;
    private final List<MappingChangeGuard> changeGuards;
    private final Clock clock;

    CustomerMappingService(
            CustomerMappingRepository mappings,
            SettingsService settings,
            CustomerService customers,
            List<DeletionGuard<CustomerMapping>> guards,
            List<MappingChangeGuard> changeGuards,
            Clock clock) {
        this.mappings = mappings;
        this.settings = settings;
        this.customers = customers;
        this.guards = guards;
        this.changeGuards = changeGuards;
        this.clock = clock;
    }

    public CustomerMapping get(UUID uuid) {
        return mappings.find(uuid).orElseThrow(NotFound::new);
    }

    public Optional<CustomerMapping> find(UUID uuid) {
        return mappings.find(uuid);
    }

    /** Every mapping of these settings, active or not. */
    public List<CustomerMapping> all(Settings settings) {
        return mappings.all(settings.id());
    }

    /** The active mappings of these settings: the customers whose Arrow lines are billed. */
    public List<CustomerMapping> active(Settings settings) {
        return mappings.active(settings.id());
    }

    /** The active mapping that owns this operator customer: the active settings' one when several settings map it. */
    public Optional<CustomerMapping> activeForCustomer(UUID customerUuid) {
        return mappings.activeForCustomer(customerUuid);
    }

    Set<String> referencesOfAnySettings() {
        return Set.copyOf(mappings.allReferences());
    }

    public Listing<CustomerMapping> list(MappingFilter filter, PageRequest page) {
        return mappings.list(filter, page);
    }

    /**
     * The settings' mapping of this Arrow customer, created (active, knowing the customer's Ref when given) for the
     * operator customer if there is none.
     */
    @Transactional
    public CustomerMapping ensure(
            Settings settings, String arrowReference, String arrowCustomerRef, String companyName, UUID customerUuid) {
        return mappings.findByReference(settings.id(), arrowReference).orElseGet(() -> {
            MappingDraft draft = new MappingDraft(settings.uuid(), arrowReference, companyName, customerUuid, true);
            return get(mappings.insert(validate(draft, 0).withCustomerRef(arrowCustomerRef), clock.instant()));
        });
    }

    /**
     * The given mappings, each knowing Arrow's Ref of its customer where Arrow has one (D24): Refs not known yet are
     * read from Arrow's customer list, once, and kept. Arrow is asked nothing when every Ref is known.
     *
     * @throws ArrowException when Arrow cannot list its customers; the mappings are then as they were
     */
    public List<CustomerMapping> knowingCustomerRefs(List<CustomerMapping> given, ArrowClient client) {
        if (given.stream().allMatch(mapping -> mapping.arrowCustomerRef() != null)) {
            return given;
        }
        Map<String, String> refs = new HashMap<>();
        for (org.arrowsync.arrowclient.Customer customer : client.customers()) {
            if (customer.ref() != null && !customer.ref().isBlank()) {
                refs.putIfAbsent(key(customer.reference()), customer.ref().strip());
            }
        }
        List<CustomerMapping> known = new ArrayList<>(given.size());
        List<CustomerMapping> learnt = new ArrayList<>();
        for (CustomerMapping mapping : given) {
            String ref = mapping.arrowCustomerRef() == null ? refs.get(key(mapping.arrowReference())) : null;
            CustomerMapping knowing = ref == null ? mapping : mapping.withCustomerRef(ref);
            if (ref != null) {
                learnt.add(knowing);
            }
            known.add(knowing);
        }
        // One statement: thousands of mappings learning their Refs one update (and commit) each took seconds.
        mappings.updateCustomerRefs(learnt, clock.instant());
        return known;
    }

    /** A reference as mappings compare it: trimmed, in any case (one mapping per reference and settings). */
    static String key(String reference) {
        return reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Maps an Arrow customer the operator accepted from Arrow's list: a deactivated mapping of the settings with this
     * exact reference is switched on again for the customer chosen, where a new one would be refused as its duplicate.
     */
    @Transactional
    public CustomerMapping accept(MappingDraft draft) {
        Optional<CustomerMapping> deactivated = draft.settingsUuid() == null || draft.arrowReference() == null
                ? Optional.empty()
                : settings.find(draft.settingsUuid())
                        .flatMap(owner -> mappings.findByReference(
                                owner.id(), draft.arrowReference().strip()))
                        .filter(mapping -> !mapping.active());
        return deactivated.map(mapping -> update(mapping.uuid(), draft)).orElseGet(() -> create(draft));
    }

    /**
     * Keeps these mappings from being deleted until the caller's transaction ends, which writes billing syncs that name
     * them: a deletion waits for it (then refused, as the mapping has syncs) or is refused after a while, its updates
     * do not wait. Gives those still there; a mapping deleted as the caller began is not among them.
     */
    public List<CustomerMapping> holdForBilling(List<CustomerMapping> wanted) {
        Set<Long> held =
                mappings.holdForBilling(wanted.stream().map(CustomerMapping::id).toList());
        return wanted.stream().filter(mapping -> held.contains(mapping.id())).toList();
    }

    @Transactional
    public CustomerMapping create(MappingDraft draft) {
        return get(mappings.insert(validate(draft, 0), clock.instant()));
    }

    @Transactional
    public CustomerMapping update(UUID uuid, MappingDraft draft) {
        CustomerMapping mapping = get(uuid);
        MappingFields fields = validate(draft, mapping.id());
        if (fields.customerId() != mapping.customerId() || fields.settingsId() != mapping.settingsId()) {
            changeGuards.forEach(guard -> guard.checkRepoint(mapping));
        }
        mappings.update(mapping.id(), fields, clock.instant());
        return get(uuid);
    }

    @Transactional
    public void delete(UUID uuid) {
        CustomerMapping mapping = get(uuid);
        mappings.lockForDeletion(mapping.id());
        guards.forEach(guard -> guard.checkDeletable(mapping));
        mappings.delete(mapping.id());
    }

    void renameCompany(CustomerMapping mapping, String companyName) {
        mappings.updateCompanyName(mapping.id(), companyName, clock.instant());
    }

    private MappingFields validate(MappingDraft draft, long exceptId) {
        FieldErrors errors = new FieldErrors();
        errors.requiredValue("settings", draft.settingsUuid());
        errors.requiredText("arrow_reference", draft.arrowReference(), MAX_REFERENCE);
        errors.maxLength("arrow_company_name", draft.arrowCompanyName(), 500);
        errors.requiredValue("waldur_customer", draft.customerUuid());
        errors.throwIfAny();
        Settings owner = settings.find(draft.settingsUuid()).orElse(null);
        if (owner == null) {
            errors.add("settings", InvalidInput.DOES_NOT_EXIST);
        }
        Customer customer = customer(draft.customerUuid(), errors);
        errors.throwIfAny();
        // Text fields are trimmed, as Waldur's serializers trim them; an active mapping of the Arrow customer of
        // another active one, as D24 compares them (trimmed, in any case, the digits of an XSP reference or its Ref),
        // would bill nothing (D98).
        // Checked under the settings' lock of their mappings: two requests naming one customer in two spellings at
        // once would each find the other not written yet.
        String reference = draft.arrowReference().strip();
        boolean active = draft.active() == null || draft.active();
        mappings.lockNamesOf(owner.uuid());
        Optional<CustomerMappingRepository.Taken> taken =
                mappings.taken(owner.id(), reference, CustomerMapping.names(reference, null), active, exceptId);
        if (taken.isPresent()) {
            List<String> why = new ArrayList<>(List.of("The fields settings, arrow_reference must make a unique set."));
            if (!taken.get().active()) {
                why.add("Mapping " + Uuids.hex(taken.get().uuid()) + " of this Arrow customer is inactive: activate it"
                        + " (is_active) rather than map the customer again.");
            }
            throw new InvalidInput(Map.of(InvalidInput.NON_FIELD_ERRORS, why));
        }
        return new MappingFields(
                owner.id(),
                reference,
                draft.arrowCompanyName() == null ? "" : draft.arrowCompanyName().strip(),
                null,
                customer.id(),
                active);
    }

    private Customer customer(UUID uuid, FieldErrors errors) {
        Customer customer = customers.find(uuid).orElse(null);
        if (customer == null) {
            errors.add("waldur_customer", InvalidInput.DOES_NOT_EXIST);
        }
        return customer;
    }

    /** A mapping as a request asks for it; references already parsed from hyperlinks or UUIDs. */
    public record MappingDraft(
            UUID settingsUuid, String arrowReference, String arrowCompanyName, UUID customerUuid, Boolean active) {

        public static MappingDraft of(CustomerMapping mapping) {
            return new MappingDraft(
                    mapping.settingsUuid(),
                    mapping.arrowReference(),
                    mapping.arrowCompanyName(),
                    mapping.customerUuid(),
                    mapping.active());
        }
    }

    public record MappingFilter(
            UUID settingsUuid, String arrowReference, String arrowCompanyName, UUID customerUuid, Boolean active) {}
}
