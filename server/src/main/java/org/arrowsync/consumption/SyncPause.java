package org.arrowsync.consumption;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.Uuids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pause and resume (docs/reference-behaviour.md §4.8): the global switch of the periodic consumption work lives in the
 * database, so every instance sees it; each settings record has its own {@code sync_enabled}. Nothing changes when the
 * named settings do not exist.
 */
@Service
public class SyncPause {

    static final String GLOBAL_FLAG = "consumption_sync_enabled";

    private final JdbcClient jdbc;
    private final SettingsService settings;

    SyncPause(JdbcClient jdbc, SettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Whether the periodic consumption work runs at all. */
    public boolean globalEnabled() {
        return jdbc.sql("select value from runtime_flags where name = ?")
                .param(GLOBAL_FLAG)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Transactional
    public List<String> set(UUID settingsUuid, boolean global, boolean enabled) {
        Optional<Settings> target = settingsUuid == null
                ? (global ? Optional.empty() : settings.active())
                : Optional.of(settings.named(settingsUuid));
        List<String> changed = new ArrayList<>();
        if (global) {
            jdbc.sql(
                            "insert into runtime_flags (name, value) values (?, ?) on conflict (name) do update set value = excluded.value")
                    .params(GLOBAL_FLAG, enabled)
                    .update();
            changed.add("global");
        }
        target.ifPresent(found -> {
            settings.setSyncEnabled(found, enabled);
            changed.add(Uuids.hex(found.uuid()));
        });
        return changed;
    }

    /** A consumption run of these settings finished, whatever it found. */
    void ran(Settings ran, Instant finished) {
        jdbc.sql("""
                        insert into consumption_sync_runs (settings_id, finished_at) values (?, ?)
                        on conflict (settings_id) do update set finished_at = excluded.finished_at""").params(ran.id(), Timestamps.of(finished)).update();
    }

    public ConsumptionStatus status() {
        Optional<Settings> active = settings.active();
        // the active settings' last run; without one, the last record any run wrote
        Instant last = active.flatMap(
                        found -> jdbc.sql("select finished_at from consumption_sync_runs where settings_id = ?")
                                .param(found.id())
                                .query((rs, row) -> Timestamps.read(rs, "finished_at"))
                                .optional())
                .orElseGet(() -> jdbc.sql("select max(last_sync_at) as last from consumption_records")
                        // max() over no rows is one null row, which single() refuses: read the list.
                        .query((rs, row) -> Timestamps.read(rs, "last"))
                        .list()
                        .get(0));
        return new ConsumptionStatus(
                globalEnabled(),
                active.map(Settings::syncEnabled).orElse(false),
                active.map(found -> Uuids.hex(found.uuid())).orElse(null),
                last);
    }

    @Schema(name = "ConsumptionStatusResponse")
    public record ConsumptionStatus(
            boolean globalSyncEnabled,
            boolean settingsSyncEnabled,
            @Schema(nullable = true) String settingsUuid,
            @Schema(nullable = true) Instant lastSyncRun) {}
}
