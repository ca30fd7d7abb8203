package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.billing.Compensations.Compensation;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.pricing.Price;

/**
 * D119: Arrow may list a line it billed under another license of the customer later (it moved the charge to another
 * subscription). A sync item keeps the license its line was first synced under, and reconciliation bills each moved
 * line by the path that bills the license it ends under: a line moved to a license-month that consumption tracking
 * bills is credited here, as that month's finalisation now counts it; a line moved from such a license-month (which
 * finalisation no longer counts) to one the billing sync bills is charged here. Once its correction is booked (or it
 * needs none) the item takes the new license and path, so re-pricing, margin reports and later reconciliations see the
 * line where it is billed; a correction refused (D94, D9) leaves the item as it was, to be tried again. Lines that name
 * no license before or after are D69's. A line recorded as consumption tracking's whose license-month consumption
 * tracking no longer bills (a cleanup let the month go, D165) is planned here too, as a move to its own license: it is
 * charged as a line that was zero when synced (D177).
 */
final class LicenseMoves {

    private record Move(BillingSyncItem item, BillingSync sync, Price price, String license) {

        /** Whether Arrow lists the line under another license, not only under a month another path may bill now. */
        boolean changesLicense() {
            return !license.equals(item.licenseReference());
        }
    }

    /**
     * A moved item as it is now and as it bills once moved; {@code settled}: it needed no correction, so it moves
     * whatever is booked.
     */
    private record Planned(BillingSyncItem before, BillingSyncItem after, boolean settled) {

        /** Whether the line left its license; one charged because its month was let go did not (D177). */
        boolean changesLicense() {
            return !before.licenseReference().equals(after.licenseReference());
        }

        /** Whether the line left or joined a license-month that consumption tracking bills. */
        boolean crossesConsumption() {
            return before.billedVia() == BilledVia.CONSUMPTION || after.billedVia() == BilledVia.CONSUMPTION;
        }
    }

    private final List<Move> moves = new ArrayList<>();
    private final List<Planned> planned = new ArrayList<>();

    /** The license Arrow lists the item's line under now, when it is another than the item's; null otherwise. */
    static String movedTo(BillingSyncItem item, BillingLine line) {
        String now =
                line.licenseReference() == null ? "" : line.licenseReference().strip();
        String before = item.licenseReference().strip();
        return now.isEmpty() || before.isEmpty() || now.equals(before) ? null : now;
    }

    /** A moved line, priced as Arrow bills it now; its correction is planned once the whole export is read. */
    void add(BillingSyncItem item, BillingSync sync, Price price, String license) {
        moves.add(new Move(item, sync, price, license));
    }

    /**
     * Plans the moved lines' corrections by the path of the license each is listed under now. A line the billing sync
     * charges already claims its new license-month for it, as that line's first sync would have.
     */
    void plan(Compensations compensations, BillingWriters writers, YearMonth period) {
        if (moves.isEmpty()) {
            return;
        }
        Map<String, BillingPath> owners = new HashMap<>(writers.licenses()
                .owners(moves.stream().map(Move::license).distinct().toList(), period));
        List<String> unclaimed = moves.stream()
                .filter(move -> move.item().billedVia() != BilledVia.CONSUMPTION
                        && move.item().billed().signum() != 0
                        && !owners.containsKey(move.license()))
                .map(Move::license)
                .distinct()
                .toList();
        if (!unclaimed.isEmpty()) {
            owners.putAll(writers.licenses().claimAll(unclaimed, period, BillingPath.BILLING));
        }
        for (Move move : moves) {
            BillingSyncItem item = move.item();
            BillingSyncItem moved;
            BigDecimal correction;
            if (owners.get(move.license()) == BillingPath.CONSUMPTION) {
                if (!move.changesLicense()) {
                    continue; // consumption tracking still bills the line's month: nothing to do here
                }
                moved = item.under(move.license(), BilledVia.CONSUMPTION);
                correction = compensations.consider(
                        item, move.sync(), BigDecimal.ZERO, move.price(), Compensations.LICENSE_MOVED);
            } else {
                // A line consumption tracking billed has charged nothing here: it is charged as a line that was zero
                // when synced, which claims its license-month when its correction is booked (D108).
                moved = item.under(
                        move.license(), item.billedVia() == BilledVia.CONSUMPTION ? BilledVia.ZERO : item.billedVia());
                correction =
                        compensations.consider(moved, move.sync(), move.price().billed(), move.price(), null);
            }
            planned.add(new Planned(item, moved, correction.signum() == 0));
        }
    }

    /**
     * Gives the moved items whose corrections were booked, and those that needed none, their new license and path; the
     * consumption-tracked license-months that lost a line (to either path) are marked, so that finalisation bills one
     * left with no line nothing (D119), and every consumption-tracked license-month a line left or joined is due a
     * finalisation run that sees it. Returns how many of those lines left or joined a license-month that consumption
     * tracking bills.
     */
    int record(List<Compensation> booked, BillingWriters writers, YearMonth period) {
        Set<Long> bookedItems = booked.stream().map(c -> c.item().id()).collect(Collectors.toSet());
        List<Planned> done = planned.stream()
                .filter(move ->
                        move.settled() || bookedItems.contains(move.before().id()))
                .toList();
        writers.items().moveLicenses(done.stream().map(Planned::after).toList(), writers.now());
        List<Planned> moved = done.stream().filter(Planned::changesLicense).toList();
        writers.licenses().linesMoved(licenses(moved, Planned::before), licenses(moved, Planned::after), period);
        return (int) moved.stream().filter(Planned::crossesConsumption).count();
    }

    /** The consumption-tracked licenses these moved items were billed under, before or after the move. */
    private static List<String> licenses(List<Planned> moves, Function<Planned, BillingSyncItem> side) {
        return moves.stream()
                .map(side)
                .filter(item -> item.billedVia() == BilledVia.CONSUMPTION)
                .map(BillingSyncItem::licenseReference)
                .distinct()
                .toList();
    }
}
