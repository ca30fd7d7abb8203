package org.arrowsync.users;

import java.time.Clock;
import java.util.UUID;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's API tokens, for staff: list them (never the secrets), issue another, rotate one (a new secret, shown once;
 * the old one stops working at once) or revoke one.
 */
@Service
class TokenService {

    private final UserRepository users;
    private final TokenRepository tokens;
    private final Clock clock;

    TokenService(UserRepository users, TokenRepository tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    Listing<ApiToken> list(UUID user, PageRequest page) {
        return tokens.list(owner(user).id(), page);
    }

    @Transactional
    IssuedToken issue(UUID user) {
        String secret = Tokens.generate();
        return new IssuedToken(tokens.insert(owner(user).id(), secret, clock.instant()), secret);
    }

    @Transactional
    IssuedToken rotate(UUID user, UUID token) {
        String secret = Tokens.generate();
        ApiToken rotated =
                tokens.replace(find(user, token).id(), secret, clock.instant()).orElseThrow(NotFound::new);
        return new IssuedToken(rotated, secret);
    }

    @Transactional
    void revoke(UUID user, UUID token) {
        tokens.delete(find(user, token).id());
    }

    private User owner(UUID user) {
        return users.find(user).orElseThrow(NotFound::new);
    }

    private ApiToken find(UUID user, UUID token) {
        return tokens.find(owner(user).id(), token).orElseThrow(NotFound::new);
    }

    /** A token as stored, with its secret: answered once, when it is made. */
    record IssuedToken(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "IssuedToken[" + token.uuid() + "]";
        }
    }
}
