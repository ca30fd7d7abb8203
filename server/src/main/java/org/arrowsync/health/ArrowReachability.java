package org.arrowsync.health;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.arrowsync.arrowclient.ArrowCallListener;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.ArrowRateLimited;
import org.arrowsync.arrowclient.ArrowUnavailable;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Whether each Arrow API URL answers, as this server's calls find it (D44): a call that Arrow answered, even with a
 * refusal, shows it reachable; one that got no answer, or only 5xx or 429 until its retries ran out, shows it
 * unreachable. A URL starts out reachable; each change is published as an {@link ArrowReachabilityChanged}. When calls
 * last succeeded and failed is the settings' {@code ArrowHealth}'s to record.
 */
@Component
public class ArrowReachability implements ArrowCallListener {

    private final SettingsService settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, Reachability> byUrl = new ConcurrentHashMap<>();

    ArrowReachability(@Lazy SettingsService settings, Clock clock, ApplicationEventPublisher events) {
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void succeeded(ArrowConnection connection, String endpoint) {
        note(connection.apiUrl().toString(), null);
    }

    @Override
    public void failed(ArrowConnection connection, String endpoint, ArrowException failure) {
        note(connection.apiUrl().toString(), failure);
    }

    /** What this server knows of the URL's reachability; empty before any call to it. */
    public Optional<Reachability> of(String apiUrl) {
        return Optional.ofNullable(byUrl.get(key(apiUrl)));
    }

    private void note(String apiUrl, ArrowException failure) {
        boolean answered = !(failure instanceof ArrowUnavailable || failure instanceof ArrowRateLimited);
        Instant now = clock.instant();
        boolean[] changed = new boolean[1];
        byUrl.compute(apiUrl, (url, known) -> {
            boolean wasReachable = known == null || known.reachable();
            changed[0] = wasReachable != answered;
            return known == null || changed[0] ? new Reachability(answered, now) : known;
        });
        if (changed[0]) {
            List<UUID> using = settings.inUse().stream()
                    .filter(one -> key(one.apiUrl()).equals(apiUrl))
                    .map(Settings::uuid)
                    .toList();
            events.publishEvent(
                    new ArrowReachabilityChanged(apiUrl, using, answered, answered ? "" : failure.getMessage(), now));
        }
    }

    /** Settings store the URL as typed; connections end it with a slash. */
    private static String key(String apiUrl) {
        String url = apiUrl.strip();
        return url.endsWith("/") ? url : url + "/";
    }

    /** Whether the URL answered its last call, and since when that is so. */
    public record Reachability(boolean reachable, Instant since) {}
}
