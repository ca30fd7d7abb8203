package org.arrowsync.settings;

import java.net.URI;
import java.net.URISyntaxException;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.shared.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * Arrow clients for credentials typed into a form, checked first (a 400 naming the field); stored settings connect
 * through {@link Settings#connection()}.
 */
@Component
public class ArrowAccess {

    private final ArrowClients clients;

    ArrowAccess(ArrowClients clients) {
        this.clients = clients;
    }

    public ArrowClient client(String apiUrl, String apiKey) {
        FieldErrors errors = new FieldErrors();
        if (errors.required("api_url", apiUrl)) {
            checkUrl(errors, "api_url", apiUrl);
        }
        errors.required("api_key", apiKey);
        errors.throwIfAny();
        return clients.connect(ArrowConnection.of(apiUrl.strip(), apiKey));
    }

    /** An absolute http(s) URL with a host, in Django's wording otherwise. */
    static void checkUrl(FieldErrors errors, String field, String value) {
        try {
            URI uri = new URI(value.strip());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null) {
                errors.add(field, "Enter a valid URL.");
            }
        } catch (URISyntaxException e) {
            errors.add(field, "Enter a valid URL.");
        }
    }
}
