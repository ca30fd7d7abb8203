package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdSetTests {

    @Test
    void whatASetHasThatAnotherLacksInAscendingOrderOfBothKindsOfIds() {
        IdSet present = new IdSet();
        IdSet seen = new IdSet();
        for (long id : new long[] {7, 1, 3_000_000_000L, 64, 2, 5_000_000_000L, 0}) {
            present.add(id);
        }
        for (long id : new long[] {1, 64, 3_000_000_000L, 9}) {
            seen.add(id);
        }

        assertThat(present.without(seen)).containsExactly(0L, 2L, 7L, 5_000_000_000L);
        assertThat(seen.without(present)).containsExactly(9L);
        assertThat(present.without(present)).isEmpty();
    }
}
