package org.arrowsync.emulator;

import java.time.Instant;
import java.util.Objects;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;

/**
 * How to start an emulator.
 *
 * @param port TCP port on 127.0.0.1; 0 picks any free port
 * @param apiKey the only accepted value of the {@code apiKey} header
 * @param preset {@code demo} or {@code scale}
 * @param seed seed of all generated data and of probabilistic faults
 * @param clock initial emulator time; the clock does not tick by itself, it is set or advanced
 * @param scale shape of the generated data
 * @param strict read each request parameter only where ArrowSphere's official clients put it (see the README); false
 *     accepts every known variant, as the demo does
 */
public record EmulatorOptions(
        int port, String apiKey, String preset, long seed, Instant clock, ScaleOptions scale, boolean strict) {

    public static final String DEMO_API_KEY = "demo-api-key";
    public static final long DEMO_SEED = 20_241_126L;

    public EmulatorOptions {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scale, "scale");
        Presets.requireKnown(preset);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Port 0, key {@code demo-api-key}, preset demo, fixed seed, clock = now, lenient. */
    public static EmulatorOptions demo() {
        return new EmulatorOptions(0, DEMO_API_KEY, Presets.DEMO, DEMO_SEED, Instant.now(), ScaleOptions.demo(), false);
    }

    /** Port 0 with the scale preset's default shape (200,000 lines per month). */
    public static EmulatorOptions scalePreset() {
        return new EmulatorOptions(
                0, DEMO_API_KEY, Presets.SCALE, DEMO_SEED, Instant.now(), ScaleOptions.large(), false);
    }

    public EmulatorOptions withPort(int value) {
        return new EmulatorOptions(value, apiKey, preset, seed, clock, scale, strict);
    }

    public EmulatorOptions withApiKey(String value) {
        return new EmulatorOptions(port, value, preset, seed, clock, scale, strict);
    }

    /** Switching preset also switches to that preset's default shape. */
    public EmulatorOptions withPreset(String value) {
        return new EmulatorOptions(port, apiKey, value, seed, clock, Presets.defaultShape(value), strict);
    }

    public EmulatorOptions withSeed(long value) {
        return new EmulatorOptions(port, apiKey, preset, value, clock, scale, strict);
    }

    public EmulatorOptions withClock(Instant value) {
        return new EmulatorOptions(port, apiKey, preset, seed, value, scale, strict);
    }

    public EmulatorOptions withScale(ScaleOptions value) {
        return new EmulatorOptions(port, apiKey, preset, seed, clock, value, strict);
    }

    public EmulatorOptions withStrict(boolean value) {
        return new EmulatorOptions(port, apiKey, preset, seed, clock, scale, value);
    }
}
