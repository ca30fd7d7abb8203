package org.arrowsync.settings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SettingsRepository {

    private static final String SELECT = "select id, uuid, api_url, api_key, export_type_reference, classification_filter, is_active,"
            + " sync_enabled, partner_reference, partner_name, invoice_price_source, invoice_item_prefix, created, modified from arrow_settings";

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Settings> find(UUID uuid) {
        return jdbc.sql(SELECT + " where uuid = ?").param(uuid).query(SettingsRepository::map).optional();
    }

    Optional<Settings> active() {
        return jdbc.sql(SELECT + " where is_active").query(SettingsRepository::map).optional();
    }

    /** Settings whose periodic jobs run: active ones with sync enabled. */
    List<Settings> syncEnabled() {
        return jdbc.sql(SELECT + " where sync_enabled order by created").query(SettingsRepository::map).list();
    }

    long count(SqlFilter filter) {
        return jdbc.sql("select count(*) from arrow_settings" + filter.clause()).params(filter.params()).query(Long.class).single();
    }

    List<Settings> page(SqlFilter filter, String orderBy, PageRequest page) {
        return jdbc.sql(SELECT + filter.clause() + " order by " + orderBy + " offset ? limit ?").params(filter.params(page))
                .query(SettingsRepository::map).list();
    }

    static Settings map(ResultSet rs, int row) throws SQLException {
        return new Settings(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getString("api_url"), rs.getString("api_key"),
                rs.getString("export_type_reference"), rs.getString("classification_filter"), rs.getBoolean("is_active"),
                rs.getBoolean("sync_enabled"), rs.getString("partner_reference"), rs.getString("partner_name"),
                PriceSource.of(rs.getString("invoice_price_source")).orElse(PriceSource.SELL), rs.getString("invoice_item_prefix"),
                Timestamps.read(rs, "created"), Timestamps.read(rs, "modified"));
    }
}
