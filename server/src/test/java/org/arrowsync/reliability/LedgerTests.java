package org.arrowsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTests {

    private static Ledger ledger(String... items) {
        return new Ledger(Map.of("invoice items", List.of(items)));
    }

    @Test
    void theSameRowsInAnyOrderAreEqual() {
        assertThat(ledger("a|1.5", "b|2").differences(ledger("b|2", "a|1.5"))).isEmpty();
    }

    @Test
    void aDuplicateAMissingRowAndAnotherAmountAreEachADifference() {
        assertThat(ledger("a|1.5", "a|1.5", "b|2.01").differences(ledger("a|1.5", "b|2", "c|3")))
                .containsExactlyInAnyOrder(
                        "invoice items: extra 1× a|1.5",
                        "invoice items: missing 1× b|2",
                        "invoice items: extra 1× b|2.01",
                        "invoice items: missing 1× c|3");
    }
}
