package org.arrowsync.settings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Turns the periodic syncs of one settings record on or off ({@code sync_enabled}); manual triggers ignore it. */
@Service
public class SyncSwitch {

    private final JdbcClient jdbc;
    private final Clock clock;

    SyncSwitch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void setSyncEnabled(Settings settings, boolean enabled) {
        jdbc.sql("update arrow_settings set sync_enabled = ?, modified = ? where id = ?")
                .params(enabled, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), settings.id())
                .update();
    }
}
