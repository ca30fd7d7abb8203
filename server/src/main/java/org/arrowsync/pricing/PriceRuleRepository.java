package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.pricing.PriceRuleService.RuleFilter;
import org.arrowsync.settings.PriceSource;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PriceRuleRepository {

    private static final String FROM = " from price_rules r join arrow_settings s on s.id = r.settings_id"
            + " left join customer_mappings m on m.id = r.customer_mapping_id";
    private static final String SELECT = """
            select r.id, r.uuid, r.settings_id, s.uuid as settings_uuid, m.uuid as mapping_uuid, m.customer_id,
                   r.arrow_vendor_name, r.classification, r.base, r.markup_percent, r.valid_from, r.valid_to,
                   r.note, r.created, r.modified""" + FROM;

    /** The insert of a copied rule (D163, D240), its select giving the columns in this order. */
    private static final String INSERT_COPY = """
            insert into price_rules (settings_id, customer_mapping_id, arrow_vendor_name, classification, base,
                                     markup_percent, valid_from, valid_to, note, modified, uuid, created)""";

    private final JdbcClient jdbc;
    private final ListQuery<PriceRule> listing;

    PriceRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(jdbc, SELECT, FROM, "r.created desc, r.id desc", PriceRuleRepository::map);
    }

    Optional<PriceRule> find(UUID uuid) {
        return jdbc.sql(SELECT + " where r.uuid = ?")
                .param(uuid)
                .query(PriceRuleRepository::map)
                .optional();
    }

    List<PriceRule> ofSettings(long settingsId) {
        return jdbc.sql(SELECT + " where r.settings_id = ? order by r.id")
                .param(settingsId)
                .query(PriceRuleRepository::map)
                .list();
    }

    RulesVersion version(long settingsId) {
        return jdbc.sql("""
                        select count(r.id) as rules, max(r.modified) as last_modified, s.invoice_price_source
                        from arrow_settings s left join price_rules r on r.settings_id = s.id
                        where s.id = ? group by s.id""")
                .param(settingsId)
                .query((rs, row) -> new RulesVersion(
                        rs.getLong("rules"),
                        Timestamps.read(rs, "last_modified"),
                        PriceSource.of(rs.getString("invoice_price_source")).orElseThrow()))
                .single();
    }

    Listing<PriceRule> list(RuleFilter filter, PageRequest page) {
        SqlFilter sql = new SqlFilter()
                .eq("s.uuid", filter.settingsUuid())
                .eq("m.uuid", filter.customerMappingUuid())
                .iexact("r.arrow_vendor_name", filter.vendorName())
                .iexact("r.classification", filter.classification());
        if (filter.period() != null) {
            Date month = Date.valueOf(filter.period().atDay(1));
            sql.where("r.valid_from <= ? and (r.valid_to is null or r.valid_to >= ?)", month, month);
        }
        return listing.list(sql, page);
    }

    /**
     * Holds the rules of a settings record alone until the transaction ends, so that two rules written at once are each
     * checked against the other.
     */
    void lockRulesOf(UUID settingsUuid) {
        TransactionLocks.named(jdbc, "price_rules|" + settingsUuid);
    }

    UUID insert(RuleFields fields, Instant now) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into price_rules (settings_id, customer_mapping_id, arrow_vendor_name, classification, base, markup_percent,
                                                 valid_from, valid_to, note, modified, uuid, created)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(fields.columns(now, uuid, Timestamps.of(now))).update();
        return uuid;
    }

    void update(long id, RuleFields fields, Instant now) {
        jdbc.sql("""
                        update price_rules set settings_id = ?, customer_mapping_id = ?, arrow_vendor_name = ?, classification = ?, base = ?,
                               markup_percent = ?, valid_from = ?, valid_to = ?, note = ?, modified = ?
                        where id = ?""").params(fields.columns(now, id)).update();
    }

    void delete(long id) {
        jdbc.sql("delete from price_rules where id = ?").param(id).update();
    }

    private static PriceRule map(ResultSet rs, int row) throws SQLException {
        LocalDate validTo = rs.getObject("valid_to", LocalDate.class);
        return new PriceRule(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("settings_id"),
                rs.getObject("settings_uuid", UUID.class),
                rs.getObject("mapping_uuid", UUID.class),
                rs.getObject("customer_id", Long.class),
                rs.getString("arrow_vendor_name"),
                rs.getString("classification"),
                PriceSource.of(rs.getString("base")).orElseThrow(),
                rs.getBigDecimal("markup_percent"),
                YearMonth.from(rs.getObject("valid_from", LocalDate.class)),
                validTo == null ? null : YearMonth.from(validTo),
                rs.getString("note"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }

    /**
     * Copies the rules of settings {@code from} to settings {@code to} (D163), a customer's rule to {@code to}'s active
     * mapping of the same operator customer; answers how many were copied and how many were not, their customer mapped
     * by no active mapping of {@code to}.
     */
    Copied copy(long from, long to, Instant now) {
        return jdbc.sql("""
                        with successor as (
                            select r.*, (select min(m.id) from customer_mappings m
                                         where m.settings_id = :to and m.is_active and m.customer_id = om.customer_id) as mapping_id
                            from price_rules r left join customer_mappings om on om.id = r.customer_mapping_id
                            where r.settings_id = :from),
                        copied as (
                            %s
                            select :to, mapping_id, arrow_vendor_name, classification, base, markup_percent, valid_from, valid_to,
                                   note, :now, gen_random_uuid(), :now
                            from successor where customer_mapping_id is null or mapping_id is not null
                            order by id
                            returning 1)
                        select (select count(*) from copied) as copied,
                               (select count(*) from successor where customer_mapping_id is not null and mapping_id is null) as left_out""".formatted(INSERT_COPY))
                .param("from", from)
                .param("to", to)
                .param("now", Timestamps.of(now))
                .query((rs, row) -> new Copied(rs.getInt("copied"), rs.getInt("left_out")))
                .single();
    }

    record Copied(int copied, int leftOut) {}

    /**
     * Copies the rules naming each mapping of {@code from} to the mapping of {@code to} at the same place (D240). Where
     * the settings of that mapping had rules naming a mapping of its customer before the statement, a rule whose first
     * month one of those covers is not copied, and a copy ends the month before the next of those begins (D250): the
     * months taken over keep their prices, the record's own rules price its customer where they apply, and a copy made
     * once (which covers its source's first month) is not made again. Answers how many were copied, by the mapping
     * copied to.
     */
    Map<Long, Integer> copyCustomerRules(List<Long> from, List<Long> to, Instant now) {
        Map<Long, Integer> copied = new HashMap<>();
        jdbc.sql("""
                        with copied as (
                            %s
                            select tm.settings_id, tm.id, r.arrow_vendor_name, r.classification, r.base, r.markup_percent,
                                   r.valid_from, least(r.valid_to, (own.next_from - interval '1 month')::date), r.note, ?,
                                   gen_random_uuid(), ?
                            from unnest(?::bigint[], ?::bigint[]) as t(from_id, to_id)
                            join price_rules r on r.customer_mapping_id = t.from_id
                            join customer_mappings tm on tm.id = t.to_id
                            cross join lateral (
                                select bool_or(o.valid_from <= r.valid_from
                                               and (o.valid_to is null or o.valid_to >= r.valid_from)) as covered,
                                       min(o.valid_from) filter (where o.valid_from > r.valid_from) as next_from
                                from price_rules o join customer_mappings om on om.id = o.customer_mapping_id
                                where o.settings_id = tm.settings_id and om.customer_id = tm.customer_id) own
                            where own.covered is not true
                            order by r.id
                            returning customer_mapping_id)
                        select customer_mapping_id, count(*) from copied group by customer_mapping_id""".formatted(INSERT_COPY))
                .params(Timestamps.of(now), Timestamps.of(now), from.toArray(Long[]::new), to.toArray(Long[]::new))
                .query(rs -> {
                    copied.put(rs.getLong(1), rs.getInt(2));
                });
        return copied;
    }

    /** How many rules name this customer mapping. */
    int countForMapping(long mappingId) {
        return jdbc.sql("select count(*) from price_rules where customer_mapping_id = ?")
                .param(mappingId)
                .query(Integer.class)
                .single();
    }

    /** A rule as written: the settings and customer mapping by row id. */
    record RuleFields(
            long settingsId,
            Long customerMappingId,
            String vendorName,
            String classification,
            PriceSource base,
            BigDecimal markupPercent,
            YearMonth validFrom,
            YearMonth validTo,
            String note) {

        /** The rule's columns as written (settings_id … note), then {@code modified}, then {@code more}. */
        List<Object> columns(Instant modified, Object... more) {
            List<Object> values = new ArrayList<>(Arrays.asList(
                    settingsId,
                    customerMappingId,
                    vendorName,
                    classification,
                    base.value(),
                    markupPercent,
                    Date.valueOf(validFrom.atDay(1)),
                    validTo == null ? null : Date.valueOf(validTo.atDay(1)),
                    note,
                    Timestamps.of(modified)));
            values.addAll(Arrays.asList(more));
            return values;
        }
    }
}
