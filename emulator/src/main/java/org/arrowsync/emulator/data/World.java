package org.arrowsync.emulator.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One loaded preset: the universe, the clock and the corrections overlay. Everything the HTTP layer serves is derived
 * here, so the API and the control API's ground truth cannot disagree.
 */
public final class World {

    private final Universe universe;
    private final EmulatorClock clock;
    private final PartnerAccount partner;
    private final Corrections corrections = new Corrections();
    private final LineFactory factory;

    public World(Universe universe, EmulatorClock clock, PartnerAccount partner) {
        this.universe = universe;
        this.clock = clock;
        this.partner = partner;
        this.factory = new LineFactory(universe, clock);
    }

    public Universe universe() {
        return universe;
    }

    public EmulatorClock clock() {
        return clock;
    }

    /** The XSP reference of the partner whose API this is. */
    public String partnerReference() {
        return partner.reference();
    }

    /** Months that have data: from the first month of history up to the clock's current month. */
    public List<YearMonth> months(YearMonth from, YearMonth to) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = to.isAfter(clock.currentMonth()) ? clock.currentMonth() : to;
        for (YearMonth m = from.isBefore(universe.firstMonth()) ? universe.firstMonth() : from;
                !m.isAfter(last);
                m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public Selection select(LineFilter filter) {
        List<Integer> customers = filter.customerRefs().isEmpty()
                ? IntStream.range(0, universe.customerCount()).boxed().toList()
                : filter.customerRefs().stream()
                        .map(universe::customer)
                        .flatMap(Optional::stream)
                        .map(Customer::index)
                        .sorted()
                        .toList();
        return new Selection(universe, factory, corrections, filter, months(filter.from(), filter.to()), customers);
    }

    /** Uncorrected usage of a metered license in a month; SAAS licenses have no consumption. */
    public List<Line> consumption(License license, YearMonth month) {
        if (!license.offer().metered() || months(month, month).isEmpty()) {
            return List.of();
        }
        return IntStream.range(0, universe.lineCount(license.index()))
                .mapToObj(n -> factory.line(license, month, n))
                .toList();
    }

    public StatementState statementState(YearMonth month) {
        YearMonth current = clock.currentMonth();
        if (!month.isBefore(current)) {
            return new StatementState(StatementState.OPEN, null);
        }
        LocalDate validated =
                month.plusMonths(1).atDay(1).plusDays(universe.shape().validationDays());
        if (month.plusMonths(1).equals(current) && LocalDate.now(clock).isBefore(validated)) {
            return new StatementState(StatementState.NEEDS_VALIDATION, null);
        }
        return new StatementState(StatementState.FULFILLED, validated);
    }

    /** The current (corrected) line with this Sequence, if it exists and was not removed. */
    public Optional<Line> line(String sequence) {
        if (corrections.isRemoved(sequence)) {
            return Optional.empty();
        }
        Optional<Sequences.Coordinates> at = Sequences.parse(sequence);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        Sequences.Coordinates c = at.get();
        if (Sequences.ADDED_PREFIX.equals(c.prefix())) {
            return corrections.added(c.month()).stream()
                    .filter(l -> l.sequence().equals(sequence))
                    .findFirst()
                    .map(corrections::apply);
        }
        return universe.licenseByNumber(c.licenseNumber())
                .filter(l ->
                        !months(c.month(), c.month()).isEmpty() && c.n() >= 0 && c.n() < universe.lineCount(l.index()))
                .map(l -> factory.line(l, c.month(), c.n()))
                .filter(l -> l.sequence().equals(sequence))
                .map(corrections::apply);
    }

    public Optional<Line> changePrice(String sequence, BigDecimal sell, BigDecimal buy) {
        if (line(sequence).isEmpty()) {
            return Optional.empty();
        }
        corrections.changePrice(
                sequence,
                new Corrections.PriceChange(sell == null ? null : Money.of(sell), buy == null ? null : Money.of(buy)));
        return line(sequence);
    }

    /**
     * Arrow lists the line under another license of its customer from now on (as when it corrects which subscription a
     * charge belongs to); false when there is no such line. A move to another customer's license is refused: lines are
     * selected by their customer.
     */
    public boolean move(String sequence, License license) {
        Optional<Line> line = line(sequence);
        if (line.isEmpty()) {
            return false;
        }
        if (line.get().license().customerIndex() != license.customerIndex()) {
            throw new IllegalArgumentException("license " + license.reference() + " is another customer's");
        }
        corrections.move(sequence, license);
        return true;
    }

    /**
     * Marks a line whose amount cells an export shows unreadable (as a broken ERP formula would); false when there is
     * no such line.
     */
    public boolean garble(String sequence, boolean on) {
        if (line(sequence).isEmpty()) {
            return false;
        }
        corrections.garble(sequence, on);
        return true;
    }

    public boolean isGarbled(String sequence) {
        return corrections.isGarbled(sequence);
    }

    /**
     * Arrow lists the line a second time, after every other line of its month: the same Sequence on a later page, as an
     * export can repeat a row.
     */
    public boolean repeat(String sequence) {
        Optional<Line> line = line(sequence);
        line.ifPresent(corrections::add);
        return line.isPresent();
    }

    public boolean remove(String sequence) {
        if (line(sequence).isEmpty()) {
            return false;
        }
        if (!corrections.removeAdded(sequence)) {
            corrections.remove(sequence);
        }
        return true;
    }

    /** Arrow lists a line it had dropped again, as it was; false when the line was not dropped. */
    public boolean restore(String sequence) {
        return corrections.restore(sequence);
    }

    /** Adds a line to a month of a license; fails when the month has no data. */
    public Optional<Line> add(
            License license, YearMonth month, BigDecimal sell, BigDecimal buy, int quantity, String description) {
        if (months(month, month).isEmpty() || quantity < 1) {
            return Optional.empty();
        }
        String sequence = Sequences.ADDED_PREFIX + "-" + license.number() + "-" + Sequences.period(month) + "-"
                + corrections.nextAddedNumber();
        // Units are derived from the totals by withTotals, which keeps unit x quantity = total exact.
        Line line = new Line(
                        sequence,
                        month,
                        license,
                        -1,
                        license.offer().meters().get(0),
                        description,
                        quantity,
                        sell,
                        buy,
                        sell,
                        buy)
                .withTotals(Money.of(sell), Money.of(buy));
        corrections.add(line);
        return Optional.of(line);
    }
}
