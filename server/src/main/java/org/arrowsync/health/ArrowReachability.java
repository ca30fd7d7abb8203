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
 * Whether each Arrow API URL answers, as this server's calls find it: a call that Arrow answered (even with a refusal)
 * shows it reachable; one that got no answer, or only 5xx or 429 until its retries ran out, shows it unreachable. Each
 * change is published as an {@link ArrowReachabilityChanged}; a URL starts out reachable.
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
        Instant now = clock.instant();
        boolean[] changed = new boolean[1];
        Reachability after = byUrl.compute(apiUrl, (url, known) -> {
            Reachability current = known == null ? Reachability.UNKNOWN : known;
            Reachability next = current.after(failure, now);
            changed[0] = next.reachable() != current.reachable();
            return next;
        });
        if (changed[0]) {
            List<UUID> using = settings.inUse().stream()
                    .filter(one -> key(one.apiUrl()).equals(apiUrl))
                    .map(Settings::uuid)
                    .toList();
            events.publishEvent(new ArrowReachabilityChanged(apiUrl, using, after.reachable(), after.lastError(), now));
        }
    }

    /** Settings store the URL as typed; connections end it with a slash. */
    private static String key(String apiUrl) {
        String url = apiUrl.strip();
        return url.endsWith("/") ? url : url + "/";
    }

    /**
     * Whether the URL answered its last call and since when that is so, and when a call last succeeded and last failed
     * (null: never), with the last failure's message (never holding the API key).
     */
    public record Reachability(
            boolean reachable, Instant since, Instant lastSuccess, Instant lastFailure, String lastError) {

        static final Reachability UNKNOWN = new Reachability(true, null, null, null, "");

        /** After a call that succeeded ({@code failure} null) or failed. */
        Reachability after(ArrowException failure, Instant at) {
            boolean answered = !(failure instanceof ArrowUnavailable || failure instanceof ArrowRateLimited);
            Instant changed = answered == reachable && since != null ? since : at;
            return failure == null
                    ? new Reachability(true, changed, at, lastFailure, lastError)
                    : new Reachability(answered, changed, lastSuccess, at, failure.getMessage());
        }
    }
}
