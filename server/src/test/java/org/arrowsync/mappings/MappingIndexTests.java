package org.arrowsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.support.TestLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingIndexTests {

    private static final List<CustomerMapping> MAPPINGS = List.of(
            mapping(1, "XSP222222", "Arrow Demo", "222222"),
            mapping(2, "XSP111111", "Big Bank", null),
            mapping(3, "LEGACY-7", "Legacy Co", null),
            mapping(4, "XSP444444", "Twin Name", null),
            mapping(5, "XSP555555", "twin  name", null));

    @ParameterizedTest(name = "End User Company ID [{0}], name [{1}] -> mapping {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                // an XSP value is the reference, a bare value the Ref (the recorded export), either trimmed, any case
                "XSP222222  | Someone else | 1",
                " xsp222222 | NULL         | 1",
                "222222     | Someone else | 1",
                // a Ref not known yet: the digits of an XSP reference (Arrow's records show 222222 for XSP222222)
                "111111     | big  BANK    | 2",
                "111111     | Someone else | 2",
                // an acronym Ref not known yet: the name decides
                "BIGBANK    | big  BANK    | 2",
                "BIGBANK    | Someone else | 0",
                // a reference stored without XSP still matches the bare value
                "legacy-7   | NULL         | 3",
                // no id: the name; an id of another customer: the name of a mapping whose Ref Arrow has not given
                // yet, never one whose Ref it gave (D279); a name two mappings share matches neither
                "NULL       | Arrow Demo   | 1",
                "999999     | ARROW DEMO   | 0",
                "999999     | Legacy  co   | 3",
                "NULL       | Twin Name    | 0",
            })
    void matchesByIdThenByName(String id, String name, long expected) {
        long found = new MappingIndex(MAPPINGS)
                .match(line(id, name))
                .map(CustomerMapping::id)
                .orElse(0L);
        assertThat(found).isEqualTo(expected);
    }

    /** One index matches a run's lines in turn, each as an index of its own would, whatever line came before. */
    @Test
    void matchesEachLineOfASequenceAsIfItWereTheFirst() {
        List<BillingLine> lines = List.of(
                line("XSP222222", "Someone else"),
                line("XSP222222", "Someone else"),
                line("XSP222222", "Big Bank"),
                line("111111", "Big Bank"),
                line("BIGBANK", "Someone else"),
                line(null, "Someone else"),
                line(null, "Arrow Demo"),
                line(null, "Arrow Demo"),
                line("legacy-7", "Arrow Demo"),
                line("XSP222222", "Someone else"));
        MappingIndex index = new MappingIndex(MAPPINGS);

        List<Long> inTurn = lines.stream()
                .map(line -> index.match(line).map(CustomerMapping::id).orElse(0L))
                .toList();

        assertThat(inTurn).containsExactly(1L, 1L, 1L, 2L, 0L, 0L, 1L, 1L, 3L, 1L);
    }

    private static BillingLine line(String endUserCompanyId, String companyName) {
        return TestLines.line(
                endUserCompanyId == null ? null : endUserCompanyId.strip(),
                companyName,
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE);
    }

    private static CustomerMapping mapping(long id, String reference, String name, String ref) {
        Instant now = Instant.EPOCH;
        return new CustomerMapping(
                id,
                UUID.randomUUID(),
                1,
                UUID.randomUUID(),
                reference,
                name,
                ref,
                1,
                UUID.randomUUID(),
                "c",
                true,
                now,
                now);
    }
}
