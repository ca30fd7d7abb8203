package org.arrowsync.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The vendor names a vendor-offering mapping may name: those of Arrow's catalog, and those of synced billing lines
 * (kept per month with the vendors' totals). Arrow failing is no error here: what is known without it answers.
 */
@Service
public class VendorNames {

    static final String CATALOG_CATEGORY = "IAAS";
    private static final Logger log = LoggerFactory.getLogger(VendorNames.class);

    /** How long a form reuses the catalog it asked Arrow for: a page is not held up by Arrow at each load. */
    static final Duration SUGGESTIONS_KEPT = Duration.ofMinutes(10);

    private final SettingsService settings;
    private final ArrowClients clients;
    private final BillingRunRepository runs;
    private final Clock clock;
    private final Map<UUID, Catalog> catalogs = new ConcurrentHashMap<>();

    VendorNames(SettingsService settings, ArrowClients clients, BillingRunRepository runs, Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * As the reference answers {@code vendor_choices}: the catalog of the active settings, else the vendors of synced
     * lines (of the settings named, if any); sorted.
     */
    public List<String> choices(UUID settingsUuid) {
        List<String> catalog = catalog(settings.active());
        return sorted(catalog.isEmpty() ? runs.vendors(settingsUuid) : catalog);
    }

    /**
     * What a form suggests: the vendors of the settings' synced lines, the names an export writes; before any line is
     * synced, Arrow's catalog (of the settings, else the active ones), so a new account has suggestions too, asked at
     * most every {@link #SUGGESTIONS_KEPT}.
     */
    public List<String> suggestions(Settings of) {
        List<String> billed = runs.vendors(of == null ? null : of.uuid());
        if (!billed.isEmpty()) {
            return sorted(billed);
        }
        Optional<Settings> asked = Optional.ofNullable(of).or(settings::active);
        if (asked.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Catalog kept = catalogs.get(asked.get().uuid());
        if (kept == null || kept.read().plus(SUGGESTIONS_KEPT).isBefore(now)) {
            kept = new Catalog(now, sorted(catalog(asked)));
            catalogs.put(asked.get().uuid(), kept);
        }
        return kept.vendors();
    }

    /** A catalog as Arrow gave it, and when (empty when Arrow failed: asked again once it is old). */
    private record Catalog(Instant read, List<String> vendors) {}

    private List<String> catalog(Optional<Settings> of) {
        return of.map(chosen -> {
                    try {
                        return clients.connect(chosen.connection()).vendorNames(CATALOG_CATEGORY);
                    } catch (ArrowException e) {
                        log.warn("Could not read the Arrow catalog's vendors: {}", e.getMessage());
                        return List.<String>of();
                    }
                })
                .orElse(List.of());
    }

    private static List<String> sorted(List<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
