package org.arrowsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScaleTests {

    @Test
    void pagesA200000LineMonthWithoutMaterialisingIt() {
        EmulatorOptions options = EmulatorOptions.scalePreset().withClock(Instant.parse("2026-11-26T10:00:00Z"));
        try (ArrowEmulator emulator = ArrowEmulator.start(options)) {
            Http http = new Http(emulator);
            assertThat(http.get("customers?per_page=1")
                            .json()
                            .get("pagination")
                            .get("total")
                            .asInt())
                    .isEqualTo(2000);
            long rows = 0;
            int pages = 0;
            String lastSequence = null;
            for (int page = 1; ; page++) {
                JsonNode body = http.export(DemoEmulator.ALT, "2026-10", "2026-10", page, 1000)
                        .json();
                JsonNode values = body.get("data").get("values");
                if (values.isEmpty()) {
                    break;
                }
                rows += values.size();
                pages++;
                lastSequence = values.get(values.size() - 1).get(0).asString();
                if (page == 1) {
                    assertThat(body.get("pagination").get("total").asLong()).isEqualTo(200_000);
                }
            }
            assertThat(rows).isEqualTo(200_000);
            assertThat(pages).isEqualTo(200);
            assertThat(lastSequence).endsWith("-202610-9");
        }
    }
}
