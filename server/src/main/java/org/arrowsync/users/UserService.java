package org.arrowsync.users;

import java.time.Clock;
import java.util.Optional;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    private final UserRepository users;
    private final Clock clock;

    UserService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public Optional<Caller> authenticate(String token) {
        return users.findByTokenHash(Tokens.hash(token))
                .map(user -> new Caller(user.uuid(), user.username(), user.staff()));
    }

    @Transactional
    NewUser create(String username, Boolean staff) {
        FieldErrors errors = new FieldErrors();
        if (errors.required("username", username)) {
            errors.maxLength("username", username, 150);
            if (!username.matches("[\\w.@+-]+")) {
                errors.add(
                        "username",
                        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.");
            } else if (users.findByUsername(username).isPresent()) {
                errors.add("username", "A user with that username already exists.");
            }
        }
        errors.throwIfAny();
        String token = Tokens.generate();
        User user = users.insert(username, Boolean.TRUE.equals(staff), Tokens.hash(token), clock.instant());
        return new NewUser(user, token);
    }

    Listing<User> list(PageRequest page) {
        return users.list(page);
    }

    /** Ensures the configured admin token works: a staff user {@code admin} holding exactly that token. */
    @Transactional
    void ensureAdminToken(String token) {
        users.upsertStaff("admin", Tokens.hash(token), clock.instant());
    }

    /** Creates a staff user {@code admin} with a random token when there is no staff user at all; returns the token. */
    @Transactional
    Optional<String> createFirstAdminIfNone() {
        if (users.anyStaff()) {
            return Optional.empty();
        }
        String token = Tokens.generate();
        users.upsertStaff("admin", Tokens.hash(token), clock.instant());
        return Optional.of(token);
    }

    record NewUser(User user, String token) {}
}
