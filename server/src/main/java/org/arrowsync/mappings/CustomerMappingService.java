package org.arrowsync.mappings;

import java.util.List;
import java.util.UUID;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.NotFound;
import org.springframework.stereotype.Service;

@Service
public class CustomerMappingService {

    private final CustomerMappingRepository mappings;

    CustomerMappingService(CustomerMappingRepository mappings) {
        this.mappings = mappings;
    }

    public CustomerMapping get(UUID uuid) {
        return mappings.find(uuid).orElseThrow(NotFound::new);
    }

    /** The active mappings of these settings: the customers whose Arrow lines are billed. */
    public List<CustomerMapping> active(Settings settings) {
        return mappings.active(settings.id());
    }
}
