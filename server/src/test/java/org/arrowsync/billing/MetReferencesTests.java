package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetReferencesTests {

    @Test
    void aReferenceIsNewOnceAndMetAfterThroughEveryGrowth() {
        MetReferences met = new MetReferences();
        int count = 100_000;

        for (int i = 0; i < count; i++) {
            assertThat(met.add("MS24-" + i + "-202610-0"))
                    .as("first meeting of %d", i)
                    .isFalse();
        }
        for (int i = 0; i < count; i++) {
            assertThat(met.add("MS24-" + i + "-202610-0"))
                    .as("second meeting of %d", i)
                    .isTrue();
        }
        assertThat(met.add("MS24-" + count + "-202610-0")).isFalse();
    }

    @Test
    void theEmptyReferenceIsAReferenceLikeAnother() {
        MetReferences met = new MetReferences();

        assertThat(met.add("")).isFalse();
        assertThat(met.add("")).isTrue();
    }
}
