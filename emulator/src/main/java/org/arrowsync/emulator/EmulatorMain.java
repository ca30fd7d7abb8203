package org.arrowsync.emulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;

/**
 * Command line: {@code --port=9090 --preset=demo|scale [--api-key=...] [--seed=N] [--clock=2026-11-26T10:00:00Z]
 * [--customers=N] [--licenses-per-customer=M] [--lines-per-license=K] [--consumption-headers=standard|country]
 * [--validation-days=D] [--strict=true|false]}.
 */
public final class EmulatorMain {

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            System.err.println("arrowsync emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        ArrowEmulator emulator = ArrowEmulator.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("ArrowSphere emulator (" + options.preset() + ") on " + emulator.apiBaseUrl()
                + " - control API " + emulator.controlUrl() + " - apiKey: " + emulator.apiKey());
        new CountDownLatch(1).await();
    }

    static EmulatorOptions parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        EmulatorOptions options =
                EmulatorOptions.demo().withPort(9090).withPreset(flags.getOrDefault("preset", Presets.DEMO));
        ScaleOptions shape = options.scale();
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            String value = flag.getValue();
            switch (flag.getKey()) {
                case "port" -> options = options.withPort(Integer.parseInt(value));
                case "api-key" -> options = options.withApiKey(value);
                case "seed" -> options = options.withSeed(Long.parseLong(value));
                case "clock" -> options = options.withClock(Instant.parse(value));
                case "customers" -> shape = shape.withCustomers(Integer.parseInt(value));
                case "licenses-per-customer" -> shape = shape.withLicensesPerCustomer(Integer.parseInt(value));
                case "lines-per-license" -> shape = shape.withLinesPerLicense(Integer.parseInt(value));
                case "consumption-headers" -> shape = shape.withConsumptionHeaders(value);
                case "validation-days" -> shape = shape.withValidationDays(Integer.parseInt(value));
                case "history-months" -> shape = shape.withHistoryMonths(Integer.parseInt(value));
                case "strict" -> options = options.withStrict(parseBoolean(value));
                case "preset" -> {
                    // applied first, above, because it selects the default shape
                }
                default -> throw new IllegalArgumentException("unknown flag --" + flag.getKey());
            }
        }
        return options.withScale(shape);
    }

    private static boolean parseBoolean(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("expected true or false, got " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
