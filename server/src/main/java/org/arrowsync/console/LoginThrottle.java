package org.arrowsync.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code failuresPerUsername} wrong passwords for one username, or
 * {@code failuresPerAddress} from one client address, within the lockout window, sign-in is refused until the window
 * has passed since the last failure, even with the right password. A successful sign-in clears the username's count.
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

    /** How long sign-in stays refused for this username or address, if it is refused now. */
    Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> user = wait(byUsername.get(key(username)), properties.failuresPerUsername(), now);
        Optional<Duration> client = wait(byAddress.get(address), properties.failuresPerAddress(), now);
        if (user.isPresent() && client.isPresent()) {
            return Optional.of(user.get().compareTo(client.get()) > 0 ? user.get() : client.get());
        }
        return user.or(() -> client);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(byUsername, key(username), now);
        count(byAddress, address, now);
    }

    /** The usernames and addresses counted now. */
    int counted() {
        return byUsername.size() + byAddress.size();
    }

    private void count(Map<String, Failures> counts, String key, Instant now) {
        if (counts.size() >= SWEEP_AT) {
            Instant windowStart = now.minus(properties.lockout());
            counts.values().removeIf(failures -> failures.last().isBefore(windowStart));
        }
        if (counts.size() >= MOST_COUNTED && !counts.containsKey(key)) {
            return;
        }
        counts.merge(key, new Failures(1, now), (old, one) -> old.plusOne(now, properties.lockout()));
    }

    void succeeded(String username) {
        byUsername.remove(key(username));
    }

    private Optional<Duration> wait(Failures failures, int allowed, Instant now) {
        if (failures == null || failures.count() < allowed) {
            return Optional.empty();
        }
        Instant until = failures.last().plus(properties.lockout());
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > USERNAME_KEPT ? name.substring(0, USERNAME_KEPT) : name;
    }

    /** Wrong passwords within one window; a failure after the window starts a new count. */
    private record Failures(int count, Instant last) {

        Failures plusOne(Instant now, Duration window) {
            return now.isAfter(last.plus(window)) ? new Failures(1, now) : new Failures(count + 1, now);
        }
    }
}
