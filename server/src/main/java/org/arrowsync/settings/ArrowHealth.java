package org.arrowsync.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.arrowsync.arrowclient.ArrowCallListener;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Connection health per Arrow API URL: when a call of saved settings last succeeded, when one last failed and why (a
 * key typed into the setup wizard is not the settings', so its calls are not noted). Calls only note their outcome; one
 * background thread writes it, at once when the outcome changes and otherwise at most every {@link #REFRESH}, so a
 * sync's thousands of calls cost a handful of writes and never wait on the database.
 */
@Component
public class ArrowHealth implements ArrowCallListener, DisposableBean {

    static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ArrowHealth.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Noted> noted = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "arrow-health");
        thread.setDaemon(true);
        return thread;
    });

    ArrowHealth(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean watchesTrials() {
        return false;
    }

    @Override
    public void succeeded(ArrowConnection connection, String endpoint) {
        note(connection, true, "");
    }

    @Override
    public void failed(ArrowConnection connection, String endpoint, ArrowException failure) {
        note(connection, false, failure.getMessage());
    }

    /** The health of the settings' connection; empty before any call to it was noted. */
    public Optional<ConnectionHealth> of(Settings settings) {
        return jdbc.sql("select last_success, last_failure, last_error from arrow_call_health where api_url = ?")
                .param(key(settings.apiUrl()))
                .query((rs, row) -> new ConnectionHealth(
                        Timestamps.read(rs, "last_success"),
                        Timestamps.read(rs, "last_failure"),
                        rs.getString("last_error")))
                .optional();
    }

    private void note(ArrowConnection connection, boolean success, String error) {
        String url = key(connection.apiUrl().toString());
        Instant now = clock.instant();
        Noted previous = noted.get(url);
        boolean due = previous == null
                || previous.success() != success
                || !previous.error().equals(error)
                || Duration.between(previous.written(), now).compareTo(REFRESH) >= 0;
        if (due) {
            noted.put(url, new Noted(success, error, now));
            writer.execute(() -> write(url, success, error, now));
        }
    }

    private void write(String url, boolean success, String error, Instant at) {
        try {
            if (success) {
                jdbc.sql("""
                                insert into arrow_call_health (api_url, last_success) values (?, ?)
                                on conflict (api_url) do update set last_success = greatest(arrow_call_health.last_success, excluded.last_success)""").params(url, Timestamps.of(at)).update();
            } else {
                jdbc.sql("""
                                insert into arrow_call_health (api_url, last_failure, last_error) values (?, ?, ?)
                                on conflict (api_url) do update set last_failure = excluded.last_failure, last_error = excluded.last_error""")
                        .params(url, Timestamps.of(at), error == null ? "" : error)
                        .update();
            }
        } catch (DataAccessException e) {
            // Health is a view for operators: a write lost while the database is away must not fail anything.
            log.debug("Could not record Arrow connection health: {}", e.getMessage());
        }
    }

    /** Settings store the URL as typed; the client adds the trailing slash. */
    private static String key(String apiUrl) {
        String url = apiUrl.strip();
        return url.endsWith("/") ? url : url + "/";
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }

    private record Noted(boolean success, String error, Instant written) {}

    /** When the connection last answered, when it last failed and how (null times: never). */
    public record ConnectionHealth(Instant lastSuccess, Instant lastFailure, String lastError) {

        /** Failing now: the last call failed. */
        public boolean failing() {
            return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
        }
    }
}
