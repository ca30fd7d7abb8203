package org.arrowsync.settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
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
 * Connection health per Arrow API URL and key: when a call of saved settings last succeeded, when one last failed and
 * why (a key typed into the setup wizard is not the settings', so its calls are not noted). Records of one URL with
 * different keys (every partner account calls Arrow's one URL; a rotated key) have a health each; the key is kept only
 * as the start of its SHA-256. Calls only note their outcome; one background thread writes it, at once when the outcome
 * changes and otherwise at most every {@link #REFRESH}, so a sync's thousands of calls cost a handful of writes and
 * never wait on the database.
 */
@Component
public class ArrowHealth implements ArrowCallListener, DisposableBean {

    static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ArrowHealth.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Key, Noted> noted = new ConcurrentHashMap<>();
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
        Key key = Key.of(settings.connection());
        return jdbc.sql("select last_success, last_failure, last_error from arrow_call_health"
                        + " where api_url = ? and key_fingerprint = ?")
                .params(key.url(), key.fingerprint())
                .query((rs, row) -> new ConnectionHealth(
                        Timestamps.read(rs, "last_success"),
                        Timestamps.read(rs, "last_failure"),
                        rs.getString("last_error")))
                .optional();
    }

    private void note(ArrowConnection connection, boolean success, String error) {
        Key key = Key.of(connection);
        Instant now = clock.instant();
        Noted previous = noted.get(key);
        boolean due = previous == null
                || previous.success() != success
                || !previous.error().equals(error)
                || Duration.between(previous.written(), now).compareTo(REFRESH) >= 0;
        if (due) {
            noted.put(key, new Noted(success, error, now));
            writer.execute(() -> write(key, success, error, now));
        }
    }

    private void write(Key key, boolean success, String error, Instant at) {
        try {
            if (success) {
                jdbc.sql("""
                                insert into arrow_call_health (api_url, key_fingerprint, last_success) values (?, ?, ?)
                                on conflict (api_url, key_fingerprint)
                                do update set last_success = greatest(arrow_call_health.last_success, excluded.last_success)""")
                        .params(key.url(), key.fingerprint(), Timestamps.of(at))
                        .update();
            } else {
                jdbc.sql("""
                                insert into arrow_call_health (api_url, key_fingerprint, last_failure, last_error) values (?, ?, ?, ?)
                                on conflict (api_url, key_fingerprint)
                                do update set last_failure = excluded.last_failure, last_error = excluded.last_error""")
                        .params(key.url(), key.fingerprint(), Timestamps.of(at), error == null ? "" : error)
                        .update();
            }
        } catch (DataAccessException e) {
            // Health is a view for operators: a write lost while the database is away must not fail anything.
            log.debug("Could not record Arrow connection health: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }

    private record Noted(boolean success, String error, Instant written) {}

    /** A connection as its health is kept: the URL with the trailing slash the client adds, the key's fingerprint. */
    private record Key(String url, String fingerprint) {

        static Key of(ArrowConnection connection) {
            String url = connection.apiUrl().toString().strip();
            return new Key(url.endsWith("/") ? url : url + "/", fingerprint(connection.apiKey()));
        }

        /** The first 16 hex digits of the key's SHA-256: enough to tell keys apart, nothing to call Arrow with. */
        private static String fingerprint(String apiKey) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    /** When the connection last answered, when it last failed and how (null times: never). */
    public record ConnectionHealth(Instant lastSuccess, Instant lastFailure, String lastError) {

        /** Failing now: the last call failed. */
        public boolean failing() {
            return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
        }
    }
}
