package org.arrowsync.settings;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.arrowsync.ledger.LicenseOfferings;
import org.arrowsync.ledger.Offering;
import org.arrowsync.ledger.OfferingService;
import org.arrowsync.settings.VendorOfferingMappingRepository.VendorFields;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Arrow vendor bills through which offering (and plan); a plan always belongs to its offering, on create and
 * update.
 */
@Service
public class VendorOfferingMappingService implements LicenseOfferings {

    private final VendorOfferingMappingRepository mappings;
    private final SettingsRepository settings;
    private final OfferingService offerings;
    private final Clock clock;

    VendorOfferingMappingService(
            VendorOfferingMappingRepository mappings,
            SettingsRepository settings,
            OfferingService offerings,
            Clock clock) {
        this.mappings = mappings;
        this.settings = settings;
        this.offerings = offerings;
        this.clock = clock;
    }

    /**
     * The active vendor mappings of these settings by vendor, the name in any case (D179), as every feature matches a
     * line's vendor with them: one a vendor, the first saved.
     */
    public Map<String, VendorOfferingMapping> activeByVendor(Settings owner) {
        Map<String, VendorOfferingMapping> byVendor = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        mappings.active(owner.id()).forEach(mapping -> byVendor.putIfAbsent(mapping.vendorName(), mapping));
        return byVendor;
    }

    @Override
    public boolean holdsLicenses(long offeringId) {
        return mappings.namesOffering(offeringId);
    }

    public VendorOfferingMapping get(UUID uuid) {
        return mappings.find(uuid).orElseThrow(NotFound::new);
    }

    public Listing<VendorOfferingMapping> list(VendorFilter filter, PageRequest page) {
        return mappings.list(filter, page);
    }

    @Transactional
    public VendorOfferingMapping create(VendorDraft draft) {
        VendorFields fields = validate(draft, 0);
        try {
            return get(mappings.insert(fields, clock.instant()));
        } catch (DuplicateKeyException raced) {
            // another request saved the same vendor between the check and the insert: the check's refusal
            throw notUnique();
        }
    }

    @Transactional
    public VendorOfferingMapping update(UUID uuid, VendorDraft draft) {
        VendorOfferingMapping mapping = get(uuid);
        VendorFields fields = validate(draft, mapping.id());
        try {
            mappings.update(mapping.id(), fields, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw notUnique();
        }
        return get(uuid);
    }

    @Transactional
    public void delete(UUID uuid) {
        mappings.delete(get(uuid).id());
    }

    private VendorFields validate(VendorDraft draft, long exceptId) {
        FieldErrors errors = new FieldErrors();
        errors.requiredValue("settings", draft.settingsUuid());
        // trimmed, as DRF trims a text field: Arrow's vendor names have no surrounding spaces to match
        String vendorName =
                draft.vendorName() == null ? null : draft.vendorName().strip();
        errors.requiredText("arrow_vendor_name", vendorName, 255);
        errors.requiredValue("offering", draft.offeringUuid());
        errors.throwIfAny();
        Settings owner = settings.find(draft.settingsUuid()).orElse(null);
        if (owner == null) {
            errors.add("settings", InvalidInput.DOES_NOT_EXIST);
        }
        Offering offering = offering(draft.offeringUuid(), errors);
        Long planId = offerings.planOf(offering, draft.planUuid(), errors);
        errors.throwIfAny();
        if (mappings.exists(owner.id(), vendorName, exceptId)) {
            throw notUnique();
        }
        return new VendorFields(
                owner.id(), vendorName, offering.id(), planId, draft.active() == null || draft.active());
    }

    private static InvalidInput notUnique() {
        return InvalidInput.of(
                InvalidInput.NON_FIELD_ERRORS, "The fields settings, arrow_vendor_name must make a unique set.");
    }

    private Offering offering(UUID uuid, FieldErrors errors) {
        Offering offering = offerings.find(uuid).orElse(null);
        if (offering == null) {
            errors.add("offering", InvalidInput.DOES_NOT_EXIST);
        }
        return offering;
    }

    public record VendorDraft(UUID settingsUuid, String vendorName, UUID offeringUuid, UUID planUuid, Boolean active) {

        public static VendorDraft of(VendorOfferingMapping mapping) {
            return new VendorDraft(
                    mapping.settingsUuid(),
                    mapping.vendorName(),
                    mapping.offeringUuid(),
                    mapping.planUuid(),
                    mapping.active());
        }
    }

    public record VendorFilter(UUID settingsUuid, String vendorName, UUID offeringUuid, Boolean active) {}
}
