package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTests {

    @Test
    void hexIsTheDashedFormWithoutItsDashes() {
        for (UUID uuid : new UUID[] {
            UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1), UUID.fromString("00000000-0000-0001-8000-00000000000f")
        }) {
            assertThat(Uuids.hex(uuid)).isEqualTo(uuid.toString().replace("-", ""));
            assertThat(Uuids.parse(Uuids.hex(uuid))).contains(uuid);
        }
        assertThat(Uuids.hex(null)).isNull();
    }

    @Test
    void timeOrderedUuidsAreVersion7WithTheirMillisecondFirstAndFollowTheClock() {
        Instant at = Instant.parse("2026-11-30T03:04:05.678Z");
        UUID first = Uuids.timeOrdered(at);

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(Uuids.hex(Uuids.timeOrdered(at.plusMillis(1)))).isGreaterThan(Uuids.hex(first));
        assertThat(Uuids.hex(Uuids.timeOrdered(at.minusSeconds(1)))).isLessThan(Uuids.hex(first));
    }

    @Test
    void timeOrderedUuidsOfOneMillisecondStayUnique() {
        Instant at = Instant.parse("2026-11-30T03:04:05.678Z");
        Set<UUID> made = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            made.add(Uuids.timeOrdered(at));
        }
        assertThat(made).hasSize(100_000);
    }
}
