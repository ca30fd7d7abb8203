package org.arrowsync.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.arrowsync.support.Api;

/**
 * The emulator jar in a process of its own, preset {@code scale} ({@code customers} × {@code licenses} × {@code lines}
 * lines a month) at the clock 2026-11-26, when October is final; its control API injects the faults.
 */
record EmulatorJar(Process process, int port, int customers, int licensesPerCustomer, int linesPerLicense)
        implements AutoCloseable {

    static final String CLOCK = "2026-11-26T10:00:00Z";
    static final int HISTORY_MONTHS = 24;

    static EmulatorJar start(Path work, String name, int customers, int licenses, int lines)
            throws IOException, InterruptedException {
        int port = Lab.freePort();
        Process process = new ProcessBuilder(
                        "java",
                        "-jar",
                        "emulator/target/arrowsync-emulator.jar",
                        "--port=" + port,
                        "--preset=scale",
                        "--customers=" + customers,
                        "--licenses-per-customer=" + licenses,
                        "--lines-per-license=" + lines,
                        // Scenario 5 syncs a month per fault kind, from October back: more than the default year.
                        "--history-months=" + HISTORY_MONTHS,
                        "--clock=" + CLOCK)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile())
                .start();
        EmulatorJar emulator = new EmulatorJar(process, port, customers, licenses, lines);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            try {
                emulator.control().get("/_emulator/config").expect(200);
                return emulator;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof ConnectException)) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the emulator did not start");
    }

    long linesPerMonth() {
        return (long) customers * licensesPerCustomer * linesPerLicense;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + port + "/index.php/api/";
    }

    Api control() {
        return Api.at(port);
    }

    /** A fault from now on, as the control API takes it: family, kind, count or probability, latency, … */
    void fault(Map<String, Object> fault) {
        control().post("/_emulator/faults", fault).expect(201);
    }

    void clearFaults() {
        control().delete("/_emulator/faults");
    }

    /** The preset loaded afresh, as at the start: no corrections, no faults. */
    void reload() {
        control()
                .post(
                        "/_emulator/preset",
                        Map.of(
                                "preset", "scale",
                                "customers", customers,
                                "licensesPerCustomer", licensesPerCustomer,
                                "linesPerLicense", linesPerLicense,
                                "historyMonths", HISTORY_MONTHS,
                                "clock", CLOCK))
                .expect(200);
    }

    /** A late correction of Arrow's: the line's sell and buy totals change in the export (not in consumption). */
    void correct(String sequence, String sell, String buy) {
        control()
                .post("/_emulator/lines/" + sequence, Map.of("sell", sell, "buy", buy))
                .expect(200);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
