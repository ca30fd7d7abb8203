package org.arrowsync.settings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.Partner;
import org.arrowsync.settings.SettingsRepository.SettingsFields;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Rejected;
import org.arrowsync.shared.SqlFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the settings a request or a job asked for (D18: never silently another one), and writes them: at most one
 * record is active, and activating one deactivates the others in the same transaction.
 */
@Service
public class SettingsService {

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsRepository settings;
    private final ArrowAccess arrow;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SettingsService(SettingsRepository settings, ArrowAccess arrow, TransactionTemplate transaction, Clock clock) {
        this.settings = settings;
        this.arrow = arrow;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Settings get(UUID uuid) {
        return settings.find(uuid).orElseThrow(() -> new NotFound("Settings not found: " + uuid));
    }

    public Optional<Settings> find(UUID uuid) {
        return settings.find(uuid);
    }

    public Optional<Settings> active() {
        return settings.active();
    }

    /** The settings named by uuid, else the active ones; a 400 when there are none. */
    public Settings resolve(UUID settingsUuid) {
        if (settingsUuid != null) {
            return settings.find(settingsUuid)
                    .orElseThrow(() -> new Rejected("Arrow settings not found: " + settingsUuid));
        }
        return settings.active().orElseThrow(() -> new Rejected("No active Arrow settings found"));
    }

    public List<Settings> syncEnabled() {
        return settings.syncEnabled();
    }

    public boolean any() {
        return settings.any();
    }

    public Listing<Settings> list(Boolean active, Boolean syncEnabled, PageRequest page) {
        SqlFilter filter = new SqlFilter().eq("is_active", active).eq("sync_enabled", syncEnabled);
        return Listing.of(settings.page(filter, "created desc, id desc", page), settings.count(filter), page);
    }

    /**
     * Creates a record, then asks Arrow who the partner is; an Arrow failure leaves the partner blank, not the save
     * undone.
     */
    public Settings create(SettingsDraft draft) {
        Settings created = transaction.execute(status -> insert(draft, null));
        return refreshPartner(created);
    }

    /**
     * Creates a record whose partner is already known (the setup wizard asked Arrow before). Joins the caller's
     * transaction, so the wizard's mappings commit or roll back with it.
     */
    public Settings create(SettingsDraft draft, Partner partner) {
        return transaction.execute(status -> insert(draft, partner));
    }

    /** Points existing settings at another API URL (the demo emulator listens on a new port after a restart). */
    public Settings moveTo(UUID uuid, String apiUrl) {
        return update(uuid, new SettingsDraft(apiUrl, null, null, null, null, null, null, null), false);
    }

    /**
     * PUT ({@code replace}: {@code api_url} must be given) or PATCH; the partner is refreshed afterwards as on create.
     */
    public Settings update(UUID uuid, SettingsDraft draft, boolean replace) {
        Settings updated = transaction.execute(status -> {
            Settings current = get(uuid);
            if (replace && draft.apiUrl() == null) {
                new FieldErrors().add("api_url", "This field is required.").throwIfAny();
            }
            SettingsFields fields = validate(draft, current);
            Instant now = clock.instant();
            settings.update(current.id(), fields, now);
            if (fields.active() != current.active()) {
                activate(current.id(), fields.active(), now);
            }
            return get(uuid);
        });
        return refreshPartner(updated);
    }

    public void delete(UUID uuid) {
        Settings found = get(uuid);
        // Deleting would cascade the billing syncs while their invoice items stay: a later sync would bill everything
        // again.
        if (settings.hasBilling(found.id())) {
            throw new Rejected(
                    409,
                    "These Arrow settings have billing syncs; deactivate them (is_active=false, sync_enabled=false)"
                            + " instead of deleting them, so nothing is billed twice.");
        }
        settings.delete(found.id());
    }

    private Settings insert(SettingsDraft draft, Partner partner) {
        SettingsFields fields = validate(draft, null);
        UUID uuid = UUID.randomUUID();
        Instant now = clock.instant();
        long id = settings.insert(uuid, fields, now);
        if (fields.active()) {
            activate(id, true, now);
        }
        if (partner != null) {
            settings.updatePartner(id, partner.reference(), partner.companyName());
        }
        return get(uuid);
    }

    private void activate(long id, boolean active, Instant now) {
        if (active) {
            settings.lockActivation();
            settings.deactivateAllBut(id, now);
        }
        settings.setActive(id, active);
    }

    private Settings refreshPartner(Settings saved) {
        try {
            Partner partner = arrow.client(saved).whoami();
            settings.updatePartner(saved.id(), partner.reference(), partner.companyName());
            return get(saved.uuid());
        } catch (ArrowException e) {
            log.warn(
                    "Saved Arrow settings {} but could not read the partner from Arrow: {}",
                    saved.uuid(),
                    e.getMessage());
            return saved;
        }
    }

    private static SettingsFields validate(SettingsDraft draft, Settings current) {
        FieldErrors errors = new FieldErrors();
        String apiUrl = draft.apiUrl() != null ? draft.apiUrl().strip() : current == null ? null : current.apiUrl();
        if (errors.required("api_url", apiUrl)) {
            errors.maxLength("api_url", apiUrl, 255);
            ArrowAccess.checkUrl(errors, "api_url", apiUrl);
        }
        String apiKey = draft.apiKey() != null || current == null ? draft.apiKey() : current.apiKey();
        if (errors.required("api_key", apiKey)) {
            errors.maxLength("api_key", apiKey, 500);
        }
        String exportType = pick(draft.exportTypeReference(), current == null ? "" : current.exportTypeReference());
        errors.maxLength("export_type_reference", exportType, 255);
        String classification =
                pick(draft.classificationFilter(), current == null ? "IAAS" : current.classificationFilter());
        if (errors.required("classification_filter", classification)) {
            errors.maxLength("classification_filter", classification, 50);
        }
        errors.oneOf(
                "invoice_price_source",
                draft.priceSource(),
                List.of(PriceSource.SELL.value(), PriceSource.BUY.value()));
        String prefix = pick(draft.itemPrefix(), current == null ? Settings.DEFAULT_ITEM_PREFIX : current.itemPrefix());
        errors.maxLength("invoice_item_prefix", prefix, 100);
        errors.throwIfAny();
        PriceSource priceSource =
                PriceSource.of(draft.priceSource()).orElse(current == null ? PriceSource.SELL : current.priceSource());
        boolean active = draft.active() != null ? draft.active() : current == null || current.active();
        boolean syncEnabled =
                draft.syncEnabled() != null ? draft.syncEnabled() : current != null && current.syncEnabled();
        return new SettingsFields(apiUrl, apiKey, exportType, classification, active, syncEnabled, priceSource, prefix);
    }

    private static String pick(String given, String current) {
        return given != null ? given : current;
    }
}
