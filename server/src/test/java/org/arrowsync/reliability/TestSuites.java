package org.arrowsync.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenarios 6 to 8 are test suites of the build (hostile input, the access matrix, the secret scan): reliability/run
 * runs them before the report, and this reads their results from Surefire's reports.
 */
final class TestSuites {

    private static final Path REPORTS = Path.of("server/target/surefire-reports");
    private static final Pattern COUNTS = Pattern.compile(
            "<testsuite [^>]*?tests=\"(\\d+)\"[^>]*?errors=\"(\\d+)\"[^>]*?skipped=\"(\\d+)\"[^>]*?failures=\"(\\d+)\"");

    static Outcome hostileInput() throws IOException {
        return read(
                "6. hostile input on every operation of the contract",
                "zero 5xx, every refusal a 4xx with an error body, nothing written, every 2xx valid against the schema",
                "org.arrowsync.web.HostileRequestsIntegrationTests");
    }

    static Outcome accessMatrix() throws IOException {
        return read(
                "7. access matrix: every operation × no token, wrong token, non-staff, staff",
                "401/403/2xx as expected; a non-staff user reads no admin data",
                "org.arrowsync.web.AccessMatrixIntegrationTests");
    }

    static Outcome secrets() throws IOException {
        return read(
                "8. secrets",
                "API key, tokens and passwords in no response, header, log line or job error, sealed in the database",
                "org.arrowsync.settings.SecretScanIntegrationTests");
    }

    private static Outcome read(String scenario, String compared, String suite) throws IOException {
        Outcome outcome = new Outcome(scenario, compared + " (test methods)");
        Path report = REPORTS.resolve("TEST-" + suite + ".xml");
        if (!Files.exists(report)) {
            outcome.trial(List.of("no test report " + report + ": reliability/run runs the suite first"));
            return outcome;
        }
        Matcher counts = COUNTS.matcher(Files.readString(report));
        if (!counts.find()) {
            outcome.trial(List.of("unreadable test report " + report));
            return outcome;
        }
        int tests = Integer.parseInt(counts.group(1));
        int failed = Integer.parseInt(counts.group(2)) + Integer.parseInt(counts.group(4));
        int skipped = Integer.parseInt(counts.group(3));
        outcome.trials(
                tests,
                failed + skipped == 0
                        ? List.of()
                        : List.of(failed + " failed, " + skipped + " skipped: see " + report));
        return outcome;
    }

    private TestSuites() {}
}
