package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 200,000-line export streamed page by page in a JVM with a 256 MB heap (the {@code small-heap} surefire execution):
 * memory must not grow with the export.
 */
@Tag("small-heap")
class ExportStreamingEmulatorTests {

    private static final Logger log = LoggerFactory.getLogger(ExportStreamingEmulatorTests.class);

    @Test
    void streamsTwoHundredThousandLinesPageByPage() {
        try (Emulator emulator = Emulator.start(Emulator.options().withPreset(Presets.SCALE))) {
            ArrowClient client = emulator.client(ClientSettings.fast());
            Heap.resetPeaks();
            long[] lines = {0, 0};
            BigDecimal[] sell = {BigDecimal.ZERO};
            client.forEachExportPage(
                    ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, TestClock.closedMonth()), page -> {
                        for (ExportRow row : page.rows()) {
                            BillingLineResult result = row.billingLine();
                            lines[0]++;
                            if (result.isValid()) {
                                lines[1]++;
                                sell[0] = sell[0].add(result.line().sellTotal());
                            }
                        }
                    });
            long peak = Heap.peakUsed();
            log.info(
                    "streamed {} export lines ({} valid, sell total {}); peak heap used {} MB of max {} MB",
                    lines[0],
                    lines[1],
                    sell[0],
                    peak / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            assertThat(lines[0]).isEqualTo(200_000);
            assertThat(lines[1]).isEqualTo(200_000);
            assertThat(sell[0]).isPositive();
        }
    }
}
