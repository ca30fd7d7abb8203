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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VendorOfferingMappingRepository {

    private static final String FROM = " from vendor_offering_mappings v join arrow_settings s on s.id = v.settings_id"
            + " join offerings o on o.id = v.offering_id left join plans p on p.id = v.plan_id";
    private static final String SELECT = """
            select v.id, v.uuid, v.settings_id, s.uuid as settings_uuid, v.arrow_vendor_name, v.offering_id, o.uuid as offering_uuid,
                   o.name as offering_name, o.type as offering_type, v.plan_id, p.uuid as plan_uuid, p.name as plan_name, v.is_active,
                   v.created, v.modified""" + FROM;

    private final JdbcClient jdbc;
    private final ListQuery<VendorOfferingMapping> listing;

    VendorOfferingMappingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing =
                new ListQuery<>(jdbc, SELECT, FROM, "v.created desc, v.id desc", VendorOfferingMappingRepository::map);
    }

    Optional<VendorOfferingMapping> find(UUID uuid) {
        return jdbc.sql(SELECT + " where v.uuid = ?")
                .param(uuid)
                .query(VendorOfferingMappingRepository::map)
                .optional();
    }

    List<VendorOfferingMapping> active(long settingsId) {
        return jdbc.sql(SELECT + " where v.settings_id = ? and v.is_active order by v.id")
                .param(settingsId)
                .query(VendorOfferingMappingRepository::map)
                .list();
    }

    Listing<VendorOfferingMapping> list(VendorOfferingMappingService.VendorFilter filter, PageRequest page) {
        return listing.list(where(filter), page);
    }

    private static SqlFilter where(VendorOfferingMappingService.VendorFilter filter) {
        return new SqlFilter()
                .eq("s.uuid", filter.settingsUuid())
                .icontains("v.arrow_vendor_name", filter.vendorName())
                .eq("o.uuid", filter.offeringUuid())
                .eq("v.is_active", filter.active());
    }

    boolean namesOffering(long offeringId) {
        return jdbc.sql("select exists (select 1 from vendor_offering_mappings where offering_id = ?)")
                .param(offeringId)
                .query(Boolean.class)
                .single();
    }

    boolean exists(long settingsId, String vendorName, long exceptId) {
        return jdbc.sql(
                        "select exists (select 1 from vendor_offering_mappings where settings_id = ? and lower(arrow_vendor_name) = lower(?)"
                                + " and id <> ?)")
                .params(settingsId, vendorName, exceptId)
                .query(Boolean.class)
                .single();
    }

    /** Copies the vendor mappings of settings {@code from} to settings {@code to} where it maps no such vendor yet. */
    int copy(long from, long to, Instant now) {
        return jdbc.sql("""
                        insert into vendor_offering_mappings (uuid, settings_id, arrow_vendor_name, offering_id, plan_id, is_active, created,
                                                              modified)
                        select gen_random_uuid(), ?, v.arrow_vendor_name, v.offering_id, v.plan_id, v.is_active, ?, ?
                        from vendor_offering_mappings v where v.settings_id = ?
                        and not exists (select 1 from vendor_offering_mappings o
                                        where o.settings_id = ? and lower(o.arrow_vendor_name) = lower(v.arrow_vendor_name))
                        order by v.id
                        on conflict (settings_id, arrow_vendor_name) do nothing""")
                .params(to, Timestamps.of(now), Timestamps.of(now), from, to)
                .update();
    }

    UUID insert(VendorFields fields, Instant now) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into vendor_offering_mappings (uuid, settings_id, arrow_vendor_name, offering_id, plan_id, is_active, created,
                                                              modified)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        uuid,
                        fields.settingsId(),
                        fields.vendorName(),
                        fields.offeringId(),
                        fields.planId(),
                        fields.active(),
                        Timestamps.of(now),
                        Timestamps.of(now))
                .update();
        return uuid;
    }

    void update(long id, VendorFields fields, Instant now) {
        jdbc.sql("""
                        update vendor_offering_mappings set settings_id = ?, arrow_vendor_name = ?, offering_id = ?, plan_id = ?,
                               is_active = ?, modified = ?
                        where id = ?""")
                .params(
                        fields.settingsId(),
                        fields.vendorName(),
                        fields.offeringId(),
                        fields.planId(),
                        fields.active(),
                        Timestamps.of(now),
                        id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from vendor_offering_mappings where id = ?").param(id).update();
    }

    private static VendorOfferingMapping map(ResultSet rs, int row) throws SQLException {
        Long plan = rs.getObject("plan_id", Long.class);
        return new VendorOfferingMapping(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("settings_id"),
                rs.getObject("settings_uuid", UUID.class),
                rs.getString("arrow_vendor_name"),
                rs.getLong("offering_id"),
                rs.getObject("offering_uuid", UUID.class),
                rs.getString("offering_name"),
                rs.getString("offering_type"),
                plan,
                rs.getObject("plan_uuid", UUID.class),
                rs.getString("plan_name"),
                rs.getBoolean("is_active"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }

    record VendorFields(long settingsId, String vendorName, long offeringId, Long planId, boolean active) {}
}
