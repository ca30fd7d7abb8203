package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The vendors a vendor-offering mapping can name ({@link VendorNames#choices}), as the reference lists them. */
@Tag(name = "Vendor mappings")
@RestController
class VendorChoicesController {

    private final VendorNames names;

    VendorChoicesController(VendorNames names) {
        this.names = names;
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
        List<VendorNameChoice> choices = names.choices(Filters.uuid("settings_uuid", settingsUuid)).stream()
                .map(name -> new VendorNameChoice(name, name))
                .toList();
        return Listing.of(choices, choices.size(), new PageRequest(1, Math.max(1, choices.size())));
    }

    record VendorNameChoice(String value, String label) {}
}
