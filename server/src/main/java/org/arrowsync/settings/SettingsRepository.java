package org.arrowsync.settings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SettingsRepository {

    private static final String SELECT =
            "select id, uuid, api_url, api_key, export_type_reference, classification_filter, is_active,"
                    + " sync_enabled, partner_reference, partner_name, invoice_price_source, invoice_item_prefix, currency, created, modified from arrow_settings";

    private static final long ACTIVATION_LOCK = 7_242_001L;

    private final JdbcClient jdbc;
    private final ListQuery<Settings> listing;
    private final SecretCipher secrets;

    SettingsRepository(JdbcClient jdbc, SecretCipher secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(jdbc, SELECT, " from arrow_settings", "created desc, id desc", this::map);
    }

    Optional<Settings> find(UUID uuid) {
        return jdbc.sql(SELECT + " where uuid = ?").param(uuid).query(this::map).optional();
    }

    Optional<Settings> active() {
        return jdbc.sql(SELECT + " where is_active").query(this::map).optional();
    }

    /** Settings whose periodic jobs run: active ones with sync enabled. */
    List<Settings> syncEnabled() {
        return jdbc.sql(SELECT + " where sync_enabled order by created")
                .query(this::map)
                .list();
    }

    Listing<Settings> list(Boolean active, Boolean syncEnabled, PageRequest page) {
        return listing.list(new SqlFilter().eq("is_active", active).eq("sync_enabled", syncEnabled), page);
    }

    List<Settings> all() {
        return jdbc.sql(SELECT + " order by id").query(this::map).list();
    }

    /** Every record's uuid, in one fixed order (locks taken per record follow it). */
    List<UUID> uuids() {
        return jdbc.sql("select uuid from arrow_settings order by uuid")
                .query(UUID.class)
                .list();
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from arrow_settings)")
                .query(Boolean.class)
                .single();
    }

    /**
     * Serialises activations: two transactions activating different records would otherwise each deactivate the old one
     * and then collide on the one-active index. Held until the transaction ends.
     */
    void lockActivation() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)")
                .param(ACTIVATION_LOCK)
                .query(Integer.class)
                .single();
    }

    void deactivateAllBut(long id, Instant now) {
        jdbc.sql("update arrow_settings set is_active = false, modified = ? where is_active and id <> ?")
                .params(Timestamps.of(now), id)
                .update();
    }

    long insert(UUID uuid, SettingsFields fields, Instant now) {
        return jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, export_type_reference, classification_filter, is_active,
                                                    sync_enabled, invoice_price_source, invoice_item_prefix, currency, created,
                                                    modified)
                        values (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        uuid,
                        fields.apiUrl(),
                        secrets.seal(fields.apiKey()),
                        fields.exportTypeReference(),
                        fields.classificationFilter(),
                        fields.syncEnabled(),
                        fields.priceSource().value(),
                        fields.itemPrefix(),
                        fields.currency(),
                        Timestamps.of(now),
                        Timestamps.of(now))
                .query(Long.class)
                .single();
    }

    /** Writes every field but {@code is_active}, which only {@link #setActive} changes (after the activation lock). */
    void update(long id, SettingsFields fields, Instant now) {
        jdbc.sql("""
                        update arrow_settings set api_url = ?, api_key = ?, export_type_reference = ?, classification_filter = ?,
                               sync_enabled = ?, invoice_price_source = ?, invoice_item_prefix = ?, currency = ?, modified = ?
                        where id = ?""")
                .params(
                        fields.apiUrl(),
                        secrets.seal(fields.apiKey()),
                        fields.exportTypeReference(),
                        fields.classificationFilter(),
                        fields.syncEnabled(),
                        fields.priceSource().value(),
                        fields.itemPrefix(),
                        fields.currency(),
                        Timestamps.of(now),
                        id)
                .update();
    }

    void setActive(long id, boolean active) {
        jdbc.sql("update arrow_settings set is_active = ? where id = ?")
                .params(active, id)
                .update();
    }

    void setSyncEnabled(long id, boolean enabled, Instant now) {
        jdbc.sql("update arrow_settings set sync_enabled = ?, modified = ? where id = ?")
                .params(enabled, Timestamps.of(now), id)
                .update();
    }

    /** What a new record takes over from the record of its account it replaces (D163, D302). */
    record Carried(
            PriceSource priceSource,
            String itemPrefix,
            String currency,
            String exportTypeReference,
            String classificationFilter) {}

    void setCarried(long id, Carried carried) {
        jdbc.sql("""
                        update arrow_settings set invoice_price_source = ?, invoice_item_prefix = ?, currency = ?,
                               export_type_reference = ?, classification_filter = ?
                        where id = ?""")
                .params(
                        carried.priceSource().value(),
                        carried.itemPrefix(),
                        carried.currency(),
                        carried.exportTypeReference(),
                        carried.classificationFilter(),
                        id)
                .update();
    }

    void setExportType(long id, String exportTypeReference) {
        jdbc.sql("update arrow_settings set export_type_reference = ? where id = ?")
                .params(exportTypeReference, id)
                .update();
    }

    void markMadeByDemo(long id) {
        jdbc.sql("update arrow_settings set made_by_demo = true where id = ?")
                .param(id)
                .update();
    }

    /** Whether the demo made the record; empty for a record older than the question (D263). */
    Optional<Boolean> madeByDemo(long id) {
        return jdbc.sql("select made_by_demo from arrow_settings where id = ? and made_by_demo is not null")
                .param(id)
                .query(Boolean.class)
                .optional();
    }

    void updatePartner(long id, String reference, String name) {
        jdbc.sql("update arrow_settings set partner_reference = ?, partner_name = ? where id = ?")
                .params(reference == null ? "" : reference, name == null ? "" : name, id)
                .update();
    }

    /**
     * Seals again every stored key the cipher calls outdated, reading (and so remembering, for scrubbing) every key on
     * the way; answers how many were sealed again. Compare-and-set, so servers sharing the database may run it at once.
     */
    int resealOutdatedKeys() {
        List<StoredKey> all = jdbc.sql("select id, api_key from arrow_settings order by id")
                .query((rs, row) -> new StoredKey(rs.getLong("id"), rs.getString("api_key")))
                .list();
        secrets.useSaltOf(all.stream().map(StoredKey::value).toList());
        int resealed = 0;
        for (StoredKey stored : all) {
            String plain = secrets.open(stored.value());
            if (secrets.outdated(stored.value())) {
                resealed += jdbc.sql("update arrow_settings set api_key = ? where id = ? and api_key = ?")
                        .params(secrets.seal(plain), stored.id(), stored.value())
                        .update();
            }
        }
        return resealed;
    }

    /** Locks the record for the checks of its deletion ({@link TransactionLocks#rowForDeletion}). */
    void lockForDeletion(long id) {
        TransactionLocks.rowForDeletion(jdbc, "arrow_settings", id);
    }

    void delete(long id) {
        jdbc.sql("delete from arrow_settings where id = ?").param(id).update();
    }

    private Settings map(ResultSet rs, int row) throws SQLException {
        return new Settings(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getString("api_url"),
                secrets.open(rs.getString("api_key")),
                rs.getString("export_type_reference"),
                rs.getString("classification_filter"),
                rs.getBoolean("is_active"),
                rs.getBoolean("sync_enabled"),
                rs.getString("partner_reference"),
                rs.getString("partner_name"),
                PriceSource.of(rs.getString("invoice_price_source")).orElse(PriceSource.SELL),
                rs.getString("invoice_item_prefix"),
                rs.getString("currency"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }

    private record StoredKey(long id, String value) {
        @Override
        public String toString() {
            return "StoredKey[id=" + id + "]";
        }
    }

    /**
     * A validated settings record as it is written; {@code active} is applied separately, under the activation lock.
     */
    record SettingsFields(
            String apiUrl,
            String apiKey,
            String exportTypeReference,
            String classificationFilter,
            boolean active,
            boolean syncEnabled,
            PriceSource priceSource,
            String itemPrefix,
            String currency) {

        @Override
        public String toString() {
            return "SettingsFields[apiUrl=" + apiUrl + ", active=" + active + "]";
        }
    }
}
