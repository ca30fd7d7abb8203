package org.arrowsync.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code failuresPerUsername} wrong passwords for one username, or
 * {@code failuresPerAddress} from one client address, within the lockout window, sign-in is refused until the window
 * has passed since the last failure, even with the right password. An attempt counts as a wrong password from before
 * its password is compared; a successful sign-in clears the username's count and uncounts itself from the address's.
 * Counts live in this server's memory: several servers on one database each count their own. What they hold is bounded:
 * a username counts by its first {@value #USERNAME_KEPT} characters, and a count whose window has passed is dropped
 * once {@value #SWEEP_AT} names or addresses are counted; past {@value #MOST_COUNTED} live counts a new name or address
 * is not counted (the others' still are), so a flood of invented names cannot fill the heap.
 */
@Component
class LoginThrottle {

    /** Django's longest username; a longer one counts by its start. */
    static final int USERNAME_KEPT = 150;

    static final int SWEEP_AT = 1_000;

    static final int MOST_COUNTED = 100_000;

    private final ConsoleProperties properties;
    private final Clock clock;
    private final Map<String, Failures> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(ConsoleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts a sign-in attempt as a wrong password before its password is compared, unless sign-in is refused for its
     * username or address now; answers how long it stays refused then (and counts nothing). Counting first, in one step
     * with the check, holds attempts sent at once to the limit too: each sees the others' counts (D253).
     */
    Optional<Duration> attempt(String username, String address) {
        Instant now = clock.instant();
        String name = key(username);
        Optional<Duration> user = reserve(byUsername, name, properties.failuresPerUsername(), now);
        if (user.isPresent()) {
            return user;
        }
        Optional<Duration> client = reserve(byAddress, address, properties.failuresPerAddress(), now);
        if (client.isPresent()) {
            release(byUsername, name);
        }
        return client;
    }

    /** The attempt's password was right: the username's count is cleared, the address's attempt uncounted. */
    void succeeded(String username, String address) {
        byUsername.remove(key(username));
        release(byAddress, address);
    }

    /** The attempt's password could not be compared: uncounted from both. */
    void unchecked(String username, String address) {
        release(byUsername, key(username));
        release(byAddress, address);
    }

    /** The usernames and addresses counted now. */
    int counted() {
        return byUsername.size() + byAddress.size();
    }

    /** Counts one more attempt of {@code key} unless it has {@code allowed} already; how long it is refused if so. */
    private Optional<Duration> reserve(Map<String, Failures> counts, String key, int allowed, Instant now) {
        if (counts.size() >= SWEEP_AT) {
            Instant windowStart = now.minus(properties.lockout());
            counts.values().removeIf(failures -> failures.last().isBefore(windowStart));
        }
        if (counts.size() >= MOST_COUNTED && !counts.containsKey(key)) {
            return Optional.empty();
        }
        Duration[] refused = new Duration[1];
        counts.compute(key, (name, failures) -> {
            refused[0] = wait(failures, allowed, now).orElse(null);
            if (refused[0] != null) {
                return failures;
            }
            return failures == null ? new Failures(1, now) : failures.plusOne(now, properties.lockout());
        });
        return Optional.ofNullable(refused[0]);
    }

    /** Uncounts one attempt of {@code key}. */
    private static void release(Map<String, Failures> counts, String key) {
        counts.computeIfPresent(
                key,
                (name, failures) -> failures.count() <= 1 ? null : new Failures(failures.count() - 1, failures.last()));
    }

    private Optional<Duration> wait(Failures failures, int allowed, Instant now) {
        if (failures == null || failures.count() < allowed) {
            return Optional.empty();
        }
        Instant until = failures.last().plus(properties.lockout());
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /**
     * A username's count, as sign-in finds the user: exactly as typed (usernames differing in case are two users, and
     * one's right password must not clear the other's wrong ones).
     */
    private static String key(String username) {
        String name = username == null ? "" : username;
        return name.length() > USERNAME_KEPT ? name.substring(0, USERNAME_KEPT) : name;
    }

    /** Wrong passwords within one window; a failure after the window starts a new count. */
    private record Failures(int count, Instant last) {

        Failures plusOne(Instant now, Duration window) {
            return now.isAfter(last.plus(window)) ? new Failures(1, now) : new Failures(count + 1, now);
        }
    }
}
