package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendors a vendor-offering mapping can name: those of the Arrow catalog of the active settings, else those seen in
 * synced billing lines (of the given settings, if any). It lives with billing, which owns those lines; Arrow failing is
 * not an error here, the fallback answers.
 */
@Tag(name = "Vendor mappings")
@RestController
class VendorChoices {

    static final String CATALOG_CATEGORY = "IAAS";
    private static final Logger log = LoggerFactory.getLogger(VendorChoices.class);

    private final SettingsService settings;
    private final ArrowClients clients;
    private final BillingSyncItemRepository items;

    VendorChoices(SettingsService settings, ArrowClients clients, BillingSyncItemRepository items) {
        this.settings = settings;
        this.clients = clients;
        this.items = items;
    }

    /**
     * Every choice on one page, as the reference answers (it ignores the list parameters here), with the list headers a
     * Waldur client reads: {@code X-Result-Count} is the number of choices.
     */
    @GetMapping("/api/admin/arrow/vendor-offering-mappings/vendor_choices/")
    @Operation(
            summary = "List the vendors Arrow offers",
            operationId = "admin_arrow_vendor_offering_mappings_vendor_choices_list")
    Listing<VendorNameChoice> vendorChoices(
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid) {
        UUID settingsFilter = Filters.uuid("settings_uuid", settingsUuid); // checked whether or not it is needed
        List<String> catalog = catalogVendors();
        List<String> names = catalog.isEmpty() ? items.vendorNames(settingsFilter) : catalog;
        List<VendorNameChoice> choices = new TreeSet<>(names)
                .stream().map(name -> new VendorNameChoice(name, name)).toList();
        return Listing.of(choices, choices.size(), new PageRequest(1, Math.max(1, choices.size())));
    }

    private List<String> catalogVendors() {
        return settings.active()
                .map(active -> {
                    try {
                        return clients.connect(active.connection()).vendorNames(CATALOG_CATEGORY);
                    } catch (ArrowException e) {
                        log.warn("Could not read the Arrow catalog's vendors: {}", e.getMessage());
                        return List.<String>of();
                    }
                })
                .orElse(List.of());
    }

    record VendorNameChoice(String value, String label) {}
}
