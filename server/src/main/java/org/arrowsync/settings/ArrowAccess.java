package org.arrowsync.settings;

import java.net.URI;
import java.util.Optional;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.shared.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * The rules for Arrow credentials, wherever they are typed in (settings, the setup wizard, discovery): a URL the client
 * will call and a key it can send, checked before anything is stored or sent (a 400 naming the field, never echoing the
 * key). Stored settings connect through {@link Settings#connection()}.
 */
@Component
public class ArrowAccess {

    static final int MAX_URL_LENGTH = 255;
    static final int MIN_KEY_LENGTH = 8;
    static final int MAX_KEY_LENGTH = 500;
    static final String INVALID_KEY = "Enter the API key as Arrow gave it: " + MIN_KEY_LENGTH + " to " + MAX_KEY_LENGTH
            + " letters, digits and punctuation, without spaces or line breaks.";
    static final String PLAIN_HTTP = "Use an https:// URL: plain http would send the API key unencrypted"
            + " (ARROWSYNC_ARROW_ALLOW_HTTP=true allows it).";

    private final ArrowClients clients;

    ArrowAccess(ArrowClients clients) {
        this.clients = clients;
    }

    /** A client for credentials typed in to be tried out (validated, previewed, discovered, saved). */
    public ArrowClient client(String apiUrl, String apiKey) {
        FieldErrors errors = new FieldErrors();
        checkUrl(errors, "api_url", apiUrl);
        String key = apiKey == null ? null : apiKey.strip(); // as DRF trims a field
        checkKey(errors, "api_key", key);
        errors.throwIfAny();
        return clients.tryOut(ArrowConnection.of(apiUrl.strip(), key));
    }

    /** Required, at most 255 characters, an http(s) URL the client calls; in Django's wording when malformed. */
    void checkUrl(FieldErrors errors, String field, String value) {
        if (!errors.required(field, value)) {
            return;
        }
        errors.maxLength(field, value, MAX_URL_LENGTH);
        Optional<URI> url = ArrowConnection.webUrl(value);
        if (url.isEmpty()) {
            errors.add(field, "Enter a valid URL.");
        } else if (!clients.allows(url.get())) {
            errors.add(field, PLAIN_HTTP);
        }
    }

    /** Required, of a sane length and sendable in an HTTP header as it is; the message never repeats the key. */
    static void checkKey(FieldErrors errors, String field, String key) {
        if (!errors.required(field, key)) {
            return;
        }
        if (key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH || !ArrowConnection.isSendableKey(key)) {
            errors.add(field, INVALID_KEY);
        }
    }
}
