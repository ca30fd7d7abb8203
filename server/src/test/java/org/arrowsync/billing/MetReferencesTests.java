package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetReferencesTests {

    @Test
    void aReferenceMetIsFoundThroughEveryGrowthAndFewNewOnesAre() {
        MetReferences met = new MetReferences();
        int count = 300_000;
        int newFound = 0;

        for (int i = 0; i < count; i++) {
            if (met.add("MS24-" + i + "-202610-0")) {
                newFound++;
            }
        }
        for (int i = 0; i < count; i++) {
            assertThat(met.add("MS24-" + i + "-202610-0"))
                    .as("second meeting of %d", i)
                    .isTrue();
        }
        for (int i = count; i < 2 * count; i++) {
            if (met.add("MS24-" + i + "-202610-0")) {
                newFound++;
            }
        }

        // A reference found on its first meeting is only asked of the database: a few in a thousand
        assertThat(newFound).isLessThan(2 * count / 200);
    }

    @Test
    void theEmptyReferenceIsAReferenceLikeAnother() {
        MetReferences met = new MetReferences();

        assertThat(met.add("")).isFalse();
        assertThat(met.add("")).isTrue();
    }
}
