package org.arrowsync.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.slf4j.LoggerFactory;

/**
 * The one clock of a test run. Every server under test takes it as its {@code Clock} ({@link TestClockConfiguration}),
 * every emulator a test starts is set to it, and tests derive every business date from it. It starts at the instant
 * given as {@code -Darrowsync.test.now} (ISO-8601, e.g. {@code 2028-02-29T12:00:00Z}), or else when the run starts, and
 * ticks from there, so that timeouts, heartbeats and the job queue's polling keep working.
 */
public final class TestClock {

    public static final String PROPERTY = "arrowsync.test.now";

    /**
     * The server's default {@code arrowsync.billing.validation-grace}: where Arrow says nothing, a month counts as
     * final this long after it ends.
     */
    private static final Duration CALENDAR_GRACE = Duration.ofDays(10);

    private static final Clock CLOCK = start();

    private TestClock() {}

    private static Clock start() {
        String chosen = System.getProperty(PROPERTY, "");
        Instant wall = Instant.now();
        Instant start = chosen.isBlank() ? wall : Instant.parse(chosen);
        LoggerFactory.getLogger(TestClock.class)
                .info("Test clock starts at {} (-D{}={} runs at it again)", start, PROPERTY, start);
        return Clock.offset(Clock.systemUTC(), Duration.between(wall, start));
    }

    public static Clock clock() {
        return CLOCK;
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    /** The month the clock is in: the one consumption tracks as it goes. */
    public static YearMonth currentMonth() {
        return YearMonth.now(CLOCK);
    }

    /**
     * The latest month that is over for good, on any day: Arrow has validated its statements (within the first days of
     * the next month) and its calendar grace is over. Early in a month that is the month before last.
     */
    public static YearMonth closedMonth() {
        return YearMonth.from(now().minus(CALENDAR_GRACE).atZone(ZoneOffset.UTC))
                .minusMonths(1);
    }

    /** An instant early in the month after {@code period}: Arrow is still validating {@code period}'s statements. */
    public static Instant whileArrowValidates(YearMonth period) {
        return period.plusMonths(1).atDay(3).atTime(8, 0).toInstant(ZoneOffset.UTC);
    }
}
