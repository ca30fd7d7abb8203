package org.arrowsync.shared;

import java.security.Principal;
import java.util.UUID;

/**
 * The authenticated user of the current request, as a controller parameter; also the request's {@link Principal}, so
 * what records who did something (the audit trail) reads every kind of sign-in the same way.
 */
public record Caller(UUID uuid, String username, boolean staff) implements Principal {

    @Override
    public String getName() {
        return username;
    }
}
