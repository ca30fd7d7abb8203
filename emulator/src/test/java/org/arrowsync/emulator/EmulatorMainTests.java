package org.arrowsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.arrowsync.emulator.data.ScaleOptions;
import org.junit.jupiter.api.Test;

class EmulatorMainTests {

    @Test
    void parsesAllFlags() {
        EmulatorOptions options = EmulatorMain.parse(new String[] {
            "--port=9091",
            "--preset=scale",
            "--api-key=k",
            "--seed=3",
            "--clock=2026-11-26T10:00:00Z",
            "--customers=10",
            "--licenses-per-customer=2",
            "--lines-per-license=4",
            "--consumption-headers=country",
            "--validation-days=2",
            "--history-months=20",
            "--strict=true"
        });
        assertThat(options)
                .isEqualTo(new EmulatorOptions(
                        9091,
                        "k",
                        "scale",
                        3,
                        Instant.parse("2026-11-26T10:00:00Z"),
                        new ScaleOptions(10, 2, 4, "country", 2, 20),
                        true));
    }

    @Test
    void defaultsToDemoOnPort9090() {
        EmulatorOptions options = EmulatorMain.parse(new String[0]);
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.preset()).isEqualTo("demo");
        assertThat(options.apiKey()).isEqualTo("demo-api-key");
        assertThat(options.strict()).isFalse();
    }

    @Test
    void refusesUnknownFlags() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--colour=blue"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
