package org.arrowsync.ledger;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.shared.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One charge per Arrow amount (D2): a license's month is invoiced by exactly one path. The first path to bill it claims
 * it, in the schema (primary key on license and period); a claim always answers with the owner the row has when the
 * claim runs, so two runs never both bill the month. The other path records the amounts and links to them.
 */
@Service
public class LicenseBilling {

    private final JdbcClient jdbc;
    private final Clock clock;

    LicenseBilling(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Holds the month of a settings record alone until the transaction ends: the billing sync, which claims
     * license-months and locks invoices in its own order over one long transaction, takes this before any of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockMonthExclusive(UUID settingsUuid, YearMonth period) {
        TransactionLocks.named(jdbc, monthKey(settingsUuid, period));
    }

    /**
     * Holds the month's billing syncs of every settings record until the transaction ends; taken before the record's
     * own month ({@link #lockMonthForInvoicing}), and by nothing else. Which of two records of one Arrow account bills
     * a customer both map depends on the syncs the other has committed (D98), so their syncs of a month take turns:
     * each decides once the other has committed (D242). Records of other accounts take turns with them as well, which
     * costs a partner of one account nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockMonthOfEveryRecord(YearMonth period) {
        TransactionLocks.named(jdbc, "billing-sync|" + period);
    }

    /**
     * The month alone, as {@link #lockMonthExclusive}, and, for a month before the current one, the current month too:
     * a past month's new lines and corrections go on the current month's invoices once its own are closed (D7), which
     * the current month's sync locks in an order of its own, batch by batch; two such runs holding one month each would
     * deadlock on those invoices (D102). The earlier month is always taken first, so runs never wait in a circle.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockMonthForInvoicing(UUID settingsUuid, YearMonth period) {
        lockMonthExclusive(settingsUuid, period);
        YearMonth current = YearMonth.now(clock);
        if (period.isBefore(current)) {
            lockMonthExclusive(settingsUuid, current);
        }
    }

    /**
     * Shares the month of a settings record until the transaction ends: consumption writes (which claim and lock in the
     * other order) take this first, so they wait for a running billing sync of the month instead of deadlocking with
     * it, and never wait for each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockMonthShared(UUID settingsUuid, YearMonth period) {
        jdbc.sql("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))")
                .param(monthKey(settingsUuid, period))
                .query(Object.class)
                .single();
    }

    private static String monthKey(UUID settingsUuid, YearMonth period) {
        return "billing|" + settingsUuid + "|" + period;
    }

    /** Claims many license-months at once (one page of an export) and returns who bills each: one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, BillingPath> claimAll(Collection<String> licenseReferences, YearMonth period, BillingPath path) {
        Map<String, BillingPath> owners = new HashMap<>();
        if (licenseReferences.isEmpty()) {
            return owners;
        }
        String[] references = licenseReferences.toArray(String[]::new);
        // "do update" to the value it has: a claim committed by another run after this statement began is locked and
        // returned as it stands, so every reference comes back with its real owner (a "do nothing" would return none).
        jdbc.sql("""
                        insert into license_billing (license_reference, period, billed_by)
                        select distinct reference, ?, ? from unnest(?::text[]) as reference
                        on conflict (license_reference, period) do update set billed_by = license_billing.billed_by
                        returning license_reference, billed_by""").params(period.toString(), path.value(), references).query(rs -> {
            owners.put(rs.getString("license_reference"), BillingPath.of(rs.getString("billed_by")));
        });
        return owners;
    }

    /**
     * Claims a license-month of a customer for consumption tracking unless another path has it; returns the path that
     * bills it. A customer's month the billing sync billed through lines naming no license goes to the billing sync for
     * every license of the customer (D69): any of those lines may be the license's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BillingPath claimForConsumption(long customerId, String licenseReference, YearMonth period) {
        return BillingPath.of(jdbc.sql("""
                        insert into license_billing (license_reference, period, billed_by)
                        select ?, ?, case when exists (select 1 from unlicensed_billing where customer_id = ? and period = ?)
                                          then ? else ? end
                        on conflict (license_reference, period) do update set billed_by = license_billing.billed_by
                        returning billed_by""")
                .params(
                        licenseReference,
                        period.toString(),
                        customerId,
                        period.toString(),
                        BillingPath.BILLING.value(),
                        BillingPath.CONSUMPTION.value())
                .query(String.class)
                .single());
    }

    /** Gives up consumption tracking's claim on these licenses' month, which no consumption record bills any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseForConsumption(Collection<String> licenseReferences, YearMonth period) {
        if (licenseReferences.isEmpty()) {
            return;
        }
        jdbc.sql("delete from license_billing where license_reference = any(?) and period = ? and billed_by = ?")
                .params(licenseReferences.toArray(String[]::new), period.toString(), BillingPath.CONSUMPTION.value())
                .update();
    }

    /**
     * Records that the billing sync bills these customers' month through lines naming no license, so consumption
     * tracking leaves their licenses' month to it (D69).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void billedWithoutLicenses(Collection<Long> customerIds, YearMonth period) {
        if (customerIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into unlicensed_billing (customer_id, period)
                        select distinct customer, ? from unnest(?::bigint[]) as customer
                        on conflict do nothing""")
                .params(period.toString(), customerIds.toArray(Long[]::new))
                .update();
    }

    /**
     * The licenses of these customers' resources whose month consumption tracking bills (D69); reads only, in one
     * statement.
     */
    public List<ResourceService.CustomerLicense> billedByConsumption(Collection<UUID> customerUuids, YearMonth period) {
        if (customerUuids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct c.uuid as customer_uuid, lb.license_reference
                        from resources r join projects p on p.id = r.project_id join customers c on c.id = p.customer_id
                        join license_billing lb on lb.license_reference = r.attributes ->> '%s' and lb.period = ?
                        where c.uuid = any(?::uuid[]) and lb.billed_by = ? order by lb.license_reference""".formatted(Resource.LICENSE_ATTRIBUTE))
                .params(
                        period.toString(),
                        customerUuids.stream().map(UUID::toString).toArray(String[]::new),
                        BillingPath.CONSUMPTION.value())
                .query((rs, row) -> new ResourceService.CustomerLicense(
                        rs.getObject("customer_uuid", UUID.class), rs.getString("license_reference")))
                .list();
    }

    /**
     * D119: a reconciliation moved lines out of the license-months {@code left} and into {@code joined}, which
     * consumption tracking bills: each is due a finalisation run that sees the move ({@link #movesUnfinalised}), and
     * one that lost lines is marked, so that finalisation bills it nothing once it has none left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linesMoved(Collection<String> left, Collection<String> joined, YearMonth period) {
        Set<String> touched = new HashSet<>(left);
        touched.addAll(joined);
        if (touched.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update license_billing set moves = moves + 1,
                            lines_moved_away = lines_moved_away or license_reference = any(?)
                        where period = ? and license_reference = any(?)""")
                .params(left.toArray(String[]::new), period.toString(), touched.toArray(String[]::new))
                .update();
    }

    /**
     * D191: Arrow added or dropped lines of these license-months after their month was validated; consumption tracking
     * bills them, so each is due a finalisation run, as after a move ({@link #movesUnfinalised}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linesChanged(Collection<String> licenseReferences, YearMonth period) {
        linesMoved(List.of(), licenseReferences, period);
    }

    /**
     * The license-months of the month with moves no finalisation run has seen yet, with their count of moves (read by
     * their partial index: the month under way's keep theirs until it is finalised, D293).
     */
    public Map<String, Long> movesUnfinalised(YearMonth period) {
        Map<String, Long> moves = new HashMap<>();
        jdbc.sql("""
                        select license_reference, moves from license_billing
                        where period = ? and moves > moves_finalised""").param(period.toString()).query(rs -> {
            moves.put(rs.getString("license_reference"), rs.getLong("moves"));
        });
        return moves;
    }

    /**
     * A finalisation run completed having seen these moves ({@link #movesUnfinalised} at its start): those are booked.
     * A move recorded since stays due.
     */
    public void movesFinalised(Map<String, Long> seen, YearMonth period) {
        if (seen.isEmpty()) {
            return;
        }
        List<String> licenses = List.copyOf(seen.keySet());
        jdbc.sql("""
                        update license_billing lb set moves_finalised = greatest(lb.moves_finalised, seen.moves)
                        from unnest(?::text[], ?::bigint[]) as seen(license_reference, moves)
                        where lb.period = ? and lb.license_reference = seen.license_reference""")
                .params(
                        licenses.toArray(String[]::new),
                        licenses.stream().map(seen::get).toArray(Long[]::new),
                        period.toString())
                .update();
    }

    /** The months with a license-month whose moves no finalisation run has seen yet, oldest first. */
    public List<YearMonth> monthsWithMovesUnfinalised() {
        return jdbc
                .sql("select distinct period from license_billing where moves > moves_finalised order by period")
                .query(String.class)
                .list()
                .stream()
                .map(YearMonth::parse)
                .toList();
    }

    /** Those of these license-months that lost lines to a move (D119); reads only. */
    public Set<String> withLinesMovedAway(Collection<String> licenseReferences, YearMonth period) {
        if (licenseReferences.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select license_reference from license_billing
                        where period = ? and license_reference = any(?) and lines_moved_away""")
                .params(period.toString(), licenseReferences.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** Who bills each of these license-months now, for those claimed; reads only. */
    public Map<String, BillingPath> owners(Collection<String> licenseReferences, YearMonth period) {
        Map<String, BillingPath> owners = new HashMap<>();
        if (licenseReferences.isEmpty()) {
            return owners;
        }
        jdbc.sql(
                        "select license_reference, billed_by from license_billing where period = ? and license_reference = any(?)")
                .params(period.toString(), licenseReferences.toArray(String[]::new))
                .query(rs -> {
                    owners.put(rs.getString("license_reference"), BillingPath.of(rs.getString("billed_by")));
                });
        return owners;
    }
}
