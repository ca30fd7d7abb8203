package org.arrowsync.settings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.Partner;
import org.arrowsync.settings.SettingsRepository.SettingsFields;
import org.arrowsync.shared.DeletionGuard;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
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

    /** D52: the stored key goes to its own URL only; whoever may type another could collect it there. */
    static final String CURRENCY_CODE = "Enter a currency's three-letter ISO 4217 code, such as EUR or USD.";

    public static final String KEY_FOR_ANOTHER_URL =
            "Give the API key again with a new api_url: the stored key is never sent elsewhere.";

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsRepository settings;
    private final ArrowClients clients;
    private final ArrowAccess access;
    private final TransactionTemplate transaction;
    private final List<DeletionGuard<Settings>> guards;
    private final List<SettingsSuccession> successions;
    private final Clock clock;

    SettingsService(
            SettingsRepository settings,
            ArrowClients clients,
            ArrowAccess access,
            TransactionTemplate transaction,
            List<DeletionGuard<Settings>> guards,
            List<SettingsSuccession> successions,
            Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.access = access;
        this.transaction = transaction;
        this.guards = guards;
        this.successions = successions;
        this.clock = clock;
    }

    /** The settings a request's path addresses. */
    public Settings get(UUID uuid) {
        return settings.find(uuid).orElseThrow(NotFound::new);
    }

    /** The settings a request, a job or a mapping names by uuid. */
    public Settings named(UUID uuid) {
        return settings.find(uuid).orElseThrow(() -> new SettingsNotFound(uuid));
    }

    public Optional<Settings> find(UUID uuid) {
        return settings.find(uuid);
    }

    public Optional<Settings> active() {
        return settings.active();
    }

    /** The settings named by uuid, else the active ones. */
    public Settings resolve(UUID settingsUuid) {
        if (settingsUuid != null) {
            return named(settingsUuid);
        }
        return settings.active().orElseThrow(NoActiveSettings::new);
    }

    public List<Settings> syncEnabled() {
        return settings.syncEnabled();
    }

    /** The records the server works for: the active one and those with sync enabled, each once. */
    public List<Settings> inUse() {
        Map<UUID, Settings> inUse = new LinkedHashMap<>();
        settings.active().ifPresent(active -> inUse.put(active.uuid(), active));
        settings.syncEnabled().forEach(enabled -> inUse.put(enabled.uuid(), enabled));
        return List.copyOf(inUse.values());
    }

    /** The other settings records in use ({@link #inUse}) of the same Arrow account as {@code chosen} (D98, D163). */
    public List<Settings> othersInUseOfTheSameAccount(Settings chosen) {
        return inUse().stream().filter(other -> sameAccount(chosen, other)).toList();
    }

    /**
     * The other records of the same Arrow account as {@code chosen} no longer in use ({@link #inUse}): those an
     * operator moved away from, to {@code chosen} among others (D123).
     */
    public List<Settings> retiredOfTheSameAccount(Settings chosen) {
        Predicate<Settings> retired = retired();
        return settings.all().stream()
                .filter(other -> sameAccount(chosen, other) && retired.test(other))
                .toList();
    }

    /** Whether a record is no longer in use ({@link #inUse}), as the records are now. */
    private Predicate<Settings> retired() {
        Set<Long> inUse = inUse().stream().map(Settings::id).collect(Collectors.toSet());
        return record -> !inUse.contains(record.id());
    }

    /** Every record of the Arrow account these credentials reach, the partner as Arrow names it (D123, D163). */
    public List<Settings> ofTheAccount(String apiUrl, String apiKey, String partnerReference) {
        String key = apiKey == null ? null : apiKey.strip();
        return settings.all().stream()
                .filter(record -> reaches(record, apiUrl, key, partnerReference))
                .toList();
    }

    /**
     * Gives a record just created what the record of the same Arrow account it replaces had (D163): the newest record
     * of the account that was in use as the record was created (D273: the active one it displaced, still syncing or
     * not; not a record tried out and never used, newer than it), else the newest one no longer in use, whose months
     * the new record carries on (D123). Its price source, item prefix, currency, export template and classification
     * filter come over where {@code draft} gave none (D302), and each {@link SettingsSuccession} carries its part (the
     * price rules). A record created out of use replaces nothing. Call in the transaction that creates the record,
     * after its customer mappings.
     */
    public Optional<Succession> carryOn(Created created, SettingsDraft draft) {
        Settings successor = created.settings();
        if (!successor.active() && !successor.syncEnabled()) {
            return Optional.empty();
        }
        List<Settings> account = settings.all().stream()
                .filter(other -> sameAccount(successor, other))
                .toList();
        return newest(account, other -> created.inUseBefore().contains(other.id()))
                .or(() -> newest(account, retired()))
                .map(replaced -> new Succession(replaced, carryOn(successor, replaced, draft)));
    }

    private static Optional<Settings> newest(List<Settings> records, Predicate<Settings> filter) {
        return records.stream().filter(filter).max(Comparator.comparingLong(Settings::id));
    }

    /** A record just created, with the ids of the records in use as it was: those it may replace (D273). */
    public record Created(Settings settings, List<Long> inUseBefore) {}

    private List<String> carryOn(Settings created, Settings replaced, SettingsDraft draft) {
        PriceSource priceSource = draft.priceSource() == null ? replaced.priceSource() : created.priceSource();
        String itemPrefix = draft.itemPrefix() == null ? replaced.itemPrefix() : created.itemPrefix();
        String currency = draft.currency() == null ? replaced.currency() : created.currency();
        // D302: the export template a record reads Arrow with, which no sync runs without
        String exportType =
                draft.exportTypeReference() == null ? replaced.exportTypeReference() : created.exportTypeReference();
        String classification =
                draft.classificationFilter() == null ? replaced.classificationFilter() : created.classificationFilter();
        List<String> carried = new ArrayList<>();
        if (priceSource != created.priceSource()) {
            carried.add("price source " + priceSource.value());
        }
        if (!itemPrefix.equals(created.itemPrefix())) {
            carried.add("item prefix \"" + itemPrefix + "\"");
        }
        if (!currency.equals(created.currency())) {
            carried.add("currency " + currency);
        }
        if (!exportType.equals(created.exportTypeReference())) {
            carried.add("export template \"" + exportType + "\"");
        }
        if (!classification.equals(created.classificationFilter())) {
            carried.add("classification filter \"" + classification + "\"");
        }
        settings.setCarried(
                created.id(),
                new SettingsRepository.Carried(priceSource, itemPrefix, currency, exportType, classification));
        Settings successor = get(created.uuid());
        successions.forEach(succession -> carried.addAll(succession.carryOn(replaced, successor)));
        if (!carried.isEmpty()) {
            log.info("Settings {} carry on from settings {}: {}", created.uuid(), replaced.uuid(), carried);
        }
        return carried;
    }

    /**
     * The record a new one replaced, and what came over from it ({@link #carryOn}), as phrases; none when nothing did.
     */
    public record Succession(Settings replaced, List<String> carried) {}

    /**
     * Two records are of one Arrow account when they reach the same API URL (give or take a final slash and letter
     * case) with the same key, or with the same partner as Arrow named it (a key rotated, D163).
     */
    private static boolean sameAccount(Settings chosen, Settings other) {
        return other.id() != chosen.id() && reaches(other, chosen.apiUrl(), chosen.apiKey(), chosen.partnerReference());
    }

    private static boolean reaches(Settings record, String apiUrl, String apiKey, String partnerReference) {
        return account(record.apiUrl()).equals(account(apiUrl))
                && (Objects.equals(record.apiKey(), apiKey)
                        || samePartner(record.partnerReference(), partnerReference));
    }

    private static boolean samePartner(String one, String other) {
        return one != null && !one.isBlank() && other != null && one.strip().equalsIgnoreCase(other.strip());
    }

    private static String account(String apiUrl) {
        String url = apiUrl == null ? "" : apiUrl.strip().toLowerCase(Locale.ROOT);
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    /** Every settings record's uuid, in one fixed order. */
    public List<UUID> uuids() {
        return settings.uuids();
    }

    public boolean any() {
        return settings.any();
    }

    public Listing<Settings> list(Boolean active, Boolean syncEnabled, PageRequest page) {
        return settings.list(active, syncEnabled, page);
    }

    /**
     * Creates a record, Arrow asked first who the partner is (an Arrow failure leaves the partner blank, not the save
     * undone), and carries on the record of its account it replaces (D163).
     */
    public Settings create(SettingsDraft draft) {
        SettingsFields fields = validate(draft, null);
        // asked before the transaction, which waits on no network, as the wizard asks: carrying on (D163) knows the
        // account by its partner too
        Partner partner = partnerOf(ArrowConnection.of(fields.apiUrl(), fields.apiKey()), null);
        return transaction.execute(status -> {
            Created created = insert(fields, partner);
            carryOn(created, draft);
            return get(created.settings().uuid());
        });
    }

    /**
     * Creates a record whose partner is already known (the setup wizard asked Arrow before). Joins the caller's
     * transaction, so the wizard's mappings commit or roll back with it; the caller then {@link #carryOn carries on}.
     */
    public Created create(SettingsDraft draft, Partner partner) {
        return transaction.execute(status -> insert(validate(draft, null), partner));
    }

    /** Turns the periodic syncs of these settings on or off ({@code sync_enabled}); manual triggers ignore it. */
    public void setSyncEnabled(Settings target, boolean enabled) {
        settings.setSyncEnabled(target.id(), enabled, clock.instant());
    }

    /** Gives settings the export template they read Arrow's export with (D302: the one recommended, for none given). */
    public void useExportType(Settings target, String exportTypeReference) {
        settings.setExportType(target.id(), exportTypeReference);
    }

    /** Marks settings as the demo's own: only those follow a restarted demo's emulator (D263). */
    public void markMadeByDemo(Settings made) {
        settings.markMadeByDemo(made.id());
    }

    /** Whether the demo made these settings; empty for settings older than the question (D263). */
    public Optional<Boolean> madeByDemo(Settings chosen) {
        return settings.madeByDemo(chosen.id());
    }

    /**
     * Points existing settings, and their key, at another API URL: the server's own decision (the demo emulator listens
     * on a new port after a restart), where a request must give the key again.
     */
    public Settings moveTo(UUID uuid, String apiUrl) {
        String key = get(uuid).apiKey();
        return update(uuid, new SettingsDraft(apiUrl, key, null, null, null, null, null, null, null), false);
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
        transaction.executeWithoutResult(status -> {
            Settings found = get(uuid);
            settings.lockForDeletion(found.id());
            guards.forEach(guard -> guard.checkDeletable(found));
            settings.delete(found.id());
        });
    }

    private Created insert(SettingsFields fields, Partner partner) {
        List<Long> inUseBefore = inUse().stream().map(Settings::id).toList();
        UUID uuid = UUID.randomUUID();
        Instant now = clock.instant();
        long id = settings.insert(uuid, fields, now);
        if (fields.active()) {
            activate(id, true, now);
        }
        if (partner != null) {
            settings.updatePartner(id, partner.reference(), partner.companyName());
        }
        return new Created(get(uuid), inUseBefore);
    }

    private void activate(long id, boolean active, Instant now) {
        if (active) {
            settings.lockActivation();
            settings.deactivateAllBut(id, now);
        }
        settings.setActive(id, active);
    }

    private Settings refreshPartner(Settings saved) {
        Partner partner = partnerOf(saved.connection(), saved.uuid());
        if (partner == null) {
            return saved;
        }
        settings.updatePartner(saved.id(), partner.reference(), partner.companyName());
        return get(saved.uuid());
    }

    /** Who the partner is, as Arrow says; null when Arrow does not say (the settings are saved all the same). */
    private Partner partnerOf(ArrowConnection connection, UUID settingsUuid) {
        try {
            return clients.connect(connection).whoami();
        } catch (ArrowException e) {
            log.warn(
                    "Arrow settings {}: could not read the partner from Arrow: {}",
                    settingsUuid == null ? "(new)" : settingsUuid,
                    e.getMessage());
            return null;
        }
    }

    private SettingsFields validate(SettingsDraft draft, Settings current) {
        FieldErrors errors = new FieldErrors();
        String apiUrl = draft.apiUrl() != null ? draft.apiUrl().strip() : current == null ? null : current.apiUrl();
        access.checkUrl(errors, "api_url", apiUrl);
        boolean moved = current != null && !current.apiUrl().equals(apiUrl);
        if (moved && draft.apiKey() == null) {
            // else whoever may change the URL could collect the stored key at any host
            errors.add("api_key", KEY_FOR_ANOTHER_URL);
        }
        // trimmed, as DRF trims a field: a key pasted with its line's end is the key
        String apiKey = draft.apiKey() != null ? draft.apiKey().strip() : current == null ? null : current.apiKey();
        if (!errors.has("api_key") && (draft.apiKey() != null || current == null)) {
            ArrowAccess.checkKey(errors, "api_key", apiKey);
        }
        String exportType = pick(draft.exportTypeReference(), current == null ? "" : current.exportTypeReference());
        String classification = pick(
                draft.classificationFilter(),
                current == null ? Settings.DEFAULT_CLASSIFICATION : current.classificationFilter());
        checkExportFilters(errors, exportType, classification);
        errors.oneOf(
                "invoice_price_source",
                draft.priceSource(),
                List.of(PriceSource.SELL.value(), PriceSource.BUY.value()));
        String prefix = pick(draft.itemPrefix(), current == null ? Settings.DEFAULT_ITEM_PREFIX : current.itemPrefix());
        errors.maxLength("invoice_item_prefix", prefix, 100);
        String currency = draft.currency() != null
                ? Money.currency(draft.currency())
                : current == null ? Money.DEFAULT_CURRENCY : current.currency();
        if (!Money.isCurrencyCode(currency)) {
            errors.add("currency", CURRENCY_CODE);
        }
        errors.throwIfAny();
        PriceSource priceSource =
                PriceSource.of(draft.priceSource()).orElse(current == null ? PriceSource.SELL : current.priceSource());
        boolean active = draft.active() != null ? draft.active() : current == null || current.active();
        boolean syncEnabled =
                draft.syncEnabled() != null ? draft.syncEnabled() : current != null && current.syncEnabled();
        return new SettingsFields(
                apiUrl, apiKey, exportType, classification, active, syncEnabled, priceSource, prefix, currency);
    }

    /** The export template and classification a settings record reads Arrow's export with, as saved or previewed. */
    static void checkExportFilters(FieldErrors errors, String exportType, String classification) {
        errors.maxLength("export_type_reference", exportType, 255);
        errors.requiredText("classification_filter", classification, 50);
    }

    /** The value given, trimmed as DRF trims a text field, else the current one. */
    private static String pick(String given, String current) {
        return given != null ? given.strip() : current;
    }
}
