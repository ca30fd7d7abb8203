package org.arrowsync.settings;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A new record of an Arrow account maps its vendors to offerings as the record it replaces did (D248): the resource
 * sync of the new record creates a vendor's new licenses as resources, which it does only for a mapped vendor.
 */
@Component
class VendorMappingsCarriedOn implements SettingsSuccession {

    private final VendorOfferingMappingRepository vendors;
    private final Clock clock;

    VendorMappingsCarriedOn(VendorOfferingMappingRepository vendors, Clock clock) {
        this.vendors = vendors;
        this.clock = clock;
    }

    @Override
    public List<String> carryOn(Settings replaced, Settings successor) {
        return SettingsSuccession.counted(
                vendors.copy(replaced.id(), successor.id(), clock.instant()), "vendor mapping", "vendor mappings");
    }
}
