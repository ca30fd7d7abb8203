package org.arrowsync.billing;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
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

    private final SettingsService settings;
    private final ArrowClients clients;
    private final BillingRunRepository runs;

    VendorNames(SettingsService settings, ArrowClients clients, BillingRunRepository runs) {
        this.settings = settings;
        this.clients = clients;
        this.runs = runs;
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
     * synced, Arrow's catalog (of the settings, else the active ones), so a new account has suggestions too.
     */
    public List<String> suggestions(Settings of) {
        List<String> billed = runs.vendors(of == null ? null : of.uuid());
        return sorted(billed.isEmpty() ? catalog(Optional.ofNullable(of).or(settings::active)) : billed);
    }

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
