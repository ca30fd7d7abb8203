package org.arrowsync.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Before the server takes requests: every stored API key is read once (so scrubbing knows it from the first log line)
 * and the ones stored an older way are encrypted again the current way (D53), so setting or changing the key derivation
 * needs no manual step.
 */
@Component
class StoredKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StoredKeys.class);

    private final SettingsRepository settings;

    StoredKeys(SettingsRepository settings) {
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int resealed = settings.resealOutdatedKeys();
        if (resealed > 0) {
            log.info("Encrypted {} stored Arrow API key(s) with the salted key derivation (D53)", resealed);
        }
    }
}
