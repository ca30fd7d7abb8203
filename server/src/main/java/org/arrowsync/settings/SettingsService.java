package org.arrowsync.settings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.Rejected;
import org.springframework.stereotype.Service;

/** Finds the settings a request or a job asked for (D18: never silently another one). */
@Service
public class SettingsService {

    private final SettingsRepository settings;

    SettingsService(SettingsRepository settings) {
        this.settings = settings;
    }

    public Settings get(UUID uuid) {
        return settings.find(uuid).orElseThrow(() -> new NotFound("Settings not found: " + uuid));
    }

    public Optional<Settings> active() {
        return settings.active();
    }

    /** The settings named by uuid, else the active ones; a 400 when there are none. */
    public Settings resolve(UUID settingsUuid) {
        if (settingsUuid != null) {
            return settings.find(settingsUuid).orElseThrow(() -> new Rejected("Arrow settings not found: " + settingsUuid));
        }
        return settings.active().orElseThrow(() -> new Rejected("No active Arrow settings found"));
    }

    public List<Settings> syncEnabled() {
        return settings.syncEnabled();
    }
}
