package org.arrowsync.mappings;

import static org.arrowsync.shared.SqlArrays.column;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
class CustomerMappingRepository {

    static final String FROM =
            " from customer_mappings m join arrow_settings s on s.id = m.settings_id join customers c on c.id = m.customer_id";
    private static final String SELECT =
            "select m.id, m.uuid, m.settings_id, s.uuid as settings_uuid, m.arrow_reference, m.arrow_company_name,"
                    + " m.arrow_customer_ref, m.customer_id, c.uuid as customer_uuid, c.name as customer_name, m.is_active, m.created, m.modified"
                    + FROM;

    private final JdbcClient jdbc;
    private final ListQuery<CustomerMapping> listing;

    CustomerMappingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(jdbc, SELECT, FROM, "m.created desc, m.id desc", CustomerMappingRepository::map);
    }

    Optional<CustomerMapping> find(UUID uuid) {
        return jdbc.sql(SELECT + " where m.uuid = ?")
                .param(uuid)
                .query(CustomerMappingRepository::map)
                .optional();
    }

    Optional<CustomerMapping> findByReference(long settingsId, String arrowReference) {
        return jdbc.sql(SELECT + " where m.settings_id = ? and m.arrow_reference = ?")
                .params(settingsId, arrowReference)
                .query(CustomerMappingRepository::map)
                .optional();
    }

    List<CustomerMapping> all(long settingsId) {
        return jdbc.sql(SELECT + " where m.settings_id = ? order by m.id")
                .param(settingsId)
                .query(CustomerMappingRepository::map)
                .list();
    }

    List<CustomerMapping> active(long settingsId) {
        return jdbc.sql(SELECT + " where m.settings_id = ? and m.is_active order by m.id")
                .param(settingsId)
                .query(CustomerMappingRepository::map)
                .list();
    }

    /** The customer's active mapping, that of the active settings first when it has several. */
    Optional<CustomerMapping> activeForCustomer(UUID customerUuid) {
        return jdbc.sql(SELECT + " where c.uuid = ? and m.is_active order by s.is_active desc, m.id limit 1")
                .param(customerUuid)
                .query(CustomerMappingRepository::map)
                .optional();
    }

    Listing<CustomerMapping> list(CustomerMappingService.MappingFilter filter, PageRequest page) {
        return listing.list(where(filter), page);
    }

    private static SqlFilter where(CustomerMappingService.MappingFilter filter) {
        return new SqlFilter()
                .eq("s.uuid", filter.settingsUuid())
                .icontains("m.arrow_reference", filter.arrowReference())
                .icontains("m.arrow_company_name", filter.arrowCompanyName())
                .eq("c.uuid", filter.customerUuid())
                .eq("m.is_active", filter.active());
    }

    /**
     * Makes the writers of the settings' mappings take turns until the transaction ends, so that {@link #taken} sees
     * the mapping another one wrote. Syncs and readers do not take it.
     */
    void lockNamesOf(UUID settingsUuid) {
        TransactionLocks.named(jdbc, "customer_mappings|" + settingsUuid);
    }

    /**
     * Whether another mapping of the settings has this very reference, or, when {@code active}, whether another active
     * one shares one of these names of an Arrow customer: its reference, the digits of an {@code XSP} reference or its
     * Ref, trimmed and in upper case, as {@link CustomerMapping#customerNames} gives them. A mapping deactivated bills
     * nothing, so the customer may be mapped again beside it. The one found, an active one first.
     */
    Optional<Taken> taken(long settingsId, String reference, List<String> names, boolean active, long exceptId) {
        return jdbc.sql("""
                        select uuid, is_active from customer_mappings where settings_id = ? and id <> ?
                        and (arrow_reference = ? or (? and is_active
                        and array[upper(btrim(arrow_reference)), upper(btrim(arrow_customer_ref)),
                                  substring(upper(btrim(arrow_reference)) from '^XSP([0-9]+)$')] && ?::text[]))
                        order by is_active desc, id limit 1""")
                .params(settingsId, exceptId, reference, active, names.toArray(String[]::new))
                .query((rs, row) -> new Taken(rs.getObject("uuid", UUID.class), rs.getBoolean("is_active")))
                .optional();
    }

    /** The mapping that takes an Arrow customer. */
    record Taken(UUID uuid, boolean active) {}

    /** Arrow references mapped under any settings record (discovery marks them as already mapped). */
    List<String> allReferences() {
        return jdbc.sql("select distinct arrow_reference from customer_mappings")
                .query(String.class)
                .list();
    }

    UUID insert(MappingFields fields, Instant now) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into customer_mappings (uuid, settings_id, arrow_reference, arrow_company_name, arrow_customer_ref,
                                                       customer_id, is_active, created, modified)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        uuid,
                        fields.settingsId(),
                        fields.arrowReference(),
                        fields.arrowCompanyName(),
                        fields.arrowCustomerRef(),
                        fields.customerId(),
                        fields.active(),
                        Timestamps.of(now),
                        Timestamps.of(now))
                .update();
        return uuid;
    }

    /** Updates the mapping; a changed Arrow reference forgets the Ref learned for the old one. */
    void update(long id, MappingFields fields, Instant now) {
        jdbc.sql("""
                        update customer_mappings set settings_id = ?, arrow_reference = ?, arrow_company_name = ?,
                               arrow_customer_ref = case when arrow_reference = ? then arrow_customer_ref end,
                               customer_id = ?, is_active = ?, modified = ?
                        where id = ?""")
                .params(
                        fields.settingsId(),
                        fields.arrowReference(),
                        fields.arrowCompanyName(),
                        fields.arrowReference(),
                        fields.customerId(),
                        fields.active(),
                        Timestamps.of(now),
                        id)
                .update();
    }

    void updateCompanyName(long id, String companyName, Instant now) {
        jdbc.sql("update customer_mappings set arrow_company_name = ?, modified = ? where id = ?")
                .params(companyName, Timestamps.of(now), id)
                .update();
    }

    /** Records the Arrow customer Refs these mappings learnt, in one statement however many they are. */
    void updateCustomerRefs(List<CustomerMapping> learnt, Instant now) {
        if (learnt.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update customer_mappings m set arrow_customer_ref = t.ref, modified = ?
                        from unnest(?::bigint[], ?::text[]) as t(id, ref) where m.id = t.id""")
                .params(
                        Timestamps.of(now),
                        column(learnt, CustomerMapping::id, Long[]::new),
                        column(learnt, CustomerMapping::arrowCustomerRef, String[]::new))
                .update();
    }

    /** Locks the mapping for the checks of its deletion ({@link TransactionLocks#rowForDeletion}). */
    void lockForDeletion(long id) {
        TransactionLocks.rowForDeletion(jdbc, "customer_mappings", id);
    }

    /**
     * Key-share locks on these mappings until the transaction ends (their updates do not wait for it; a deletion does),
     * and the ids of those still there: a mapping deleted before the lock is skipped, as PostgreSQL skips a row deleted
     * while a statement waits for it.
     */
    Set<Long> holdForBilling(Collection<Long> ids) {
        return new HashSet<>(jdbc.sql("select id from customer_mappings where id = any(?) order by id for key share")
                .param(ids.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    void delete(long id) {
        jdbc.sql("delete from customer_mappings where id = ?").param(id).update();
    }

    static CustomerMapping map(ResultSet rs, int row) throws SQLException {
        return new CustomerMapping(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("settings_id"),
                rs.getObject("settings_uuid", UUID.class),
                rs.getString("arrow_reference"),
                rs.getString("arrow_company_name"),
                rs.getString("arrow_customer_ref"),
                rs.getLong("customer_id"),
                rs.getObject("customer_uuid", UUID.class),
                rs.getString("customer_name"),
                rs.getBoolean("is_active"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }

    record MappingFields(
            long settingsId,
            String arrowReference,
            String arrowCompanyName,
            String arrowCustomerRef,
            long customerId,
            boolean active) {

        MappingFields withCustomerRef(String ref) {
            return new MappingFields(settingsId, arrowReference, arrowCompanyName, ref, customerId, active);
        }
    }
}
