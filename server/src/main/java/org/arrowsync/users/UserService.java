package org.arrowsync.users;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    private static final String USERNAME_TAKEN = "A user with that username already exists.";

    static final int PASSWORD_MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused. */
    static final int PASSWORD_MAX_BYTES = 72;

    private final UserRepository users;
    private final TokenRepository tokens;
    private final PasswordEncoder passwords;
    private final Clock clock;
    /** Compared against when the user is unknown, so a wrong name costs the same time as a wrong password. */
    private final String unknownUserHash;

    UserService(UserRepository users, TokenRepository tokens, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
        this.unknownUserHash = passwords.encode(Tokens.generate());
    }

    /** The active user holding this token; a deactivated user's tokens answer as unknown ones (D254). */
    public Optional<Caller> authenticate(String token) {
        return users.findByTokenHash(Tokens.hash(token)).filter(User::active).map(UserService::caller);
    }

    /** Whether a user has this name (what an audit entry of a refused sign-in may keep of the name typed, D299). */
    public boolean isUsername(String username) {
        return username != null && users.findByUsername(username).isPresent();
    }

    /** The user with this name and password, if both are right; a user without a password never signs in this way. */
    public Optional<Caller> signIn(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<String> hash = users.passwordHash(username);
        boolean matches = passwords.matches(password, hash.orElse(unknownUserHash));
        return matches && hash.isPresent()
                ? users.findByUsername(username).filter(User::active).map(UserService::caller)
                : Optional.empty();
    }

    @Transactional
    public NewUser create(String username, Boolean staff, String password) {
        FieldErrors errors = new FieldErrors();
        if (errors.required("username", username)) {
            errors.maxLength("username", username, 150);
            if (!username.matches("[\\w.@+-]+")) {
                errors.add(
                        "username",
                        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.");
            } else if (users.findByUsername(username).isPresent()) {
                errors.add("username", USERNAME_TAKEN);
            }
        }
        if (password != null) {
            checkPassword(errors, username, password);
        }
        errors.throwIfAny();
        String token = Tokens.generate();
        User user;
        try {
            user = users.insert(username, Boolean.TRUE.equals(staff), clock.instant());
        } catch (DuplicateKeyException raced) {
            // another request created the user between the check and the insert: the check's refusal
            throw InvalidInput.of("username", USERNAME_TAKEN);
        }
        tokens.insert(user.id(), token, clock.instant());
        if (password != null) {
            users.setPasswordHash(user.id(), passwords.encode(password), clock.instant());
            user = get(user.uuid());
        }
        return new NewUser(user, token);
    }

    /** Sets (or replaces) a user's console password. */
    @Transactional
    public User setPassword(UUID uuid, String password) {
        User user = get(uuid);
        FieldErrors errors = new FieldErrors();
        if (errors.required("password", password)) {
            checkPassword(errors, user.username(), password);
        }
        errors.throwIfAny();
        users.setPasswordHash(user.id(), passwords.encode(password), clock.instant());
        return get(uuid);
    }

    /**
     * Whether a console session of this user, signed in at {@code signedIn} as staff or not, stands: a password set
     * since (it leaked, say), the user deactivated or its staff status changed end every session opened before (D253,
     * D254).
     */
    public boolean signedInStill(UUID user, boolean staff, Instant signedIn) {
        return users.signedInStill(user, staff, signedIn);
    }

    /**
     * Activates or deactivates a user, makes it staff or not (D254); a null leaves that as it is. A user does not
     * change its own status, and at least one active staff user remains, however many such changes run at once.
     */
    @Transactional
    public User setStatus(Caller by, UUID uuid, Boolean active, Boolean staff) {
        String field = active != null ? "is_active" : "is_staff";
        if (uuid.equals(by.uuid()) && (active != null || staff != null)) {
            throw InvalidInput.of(field, "A user does not change its own status: another staff user may.");
        }
        // taken before the user is read: changes of one user made at once see each other's
        users.lockStaff();
        User user = get(uuid);
        boolean nowActive = active == null ? user.active() : active;
        boolean nowStaff = staff == null ? user.staff() : staff;
        users.setStatus(user.id(), nowActive, nowStaff);
        if (!users.anyActiveStaff()) {
            throw InvalidInput.of(field, "At least one active staff user must remain.");
        }
        return get(uuid);
    }

    public User get(UUID uuid) {
        return users.find(uuid).orElseThrow(NotFound::new);
    }

    public Listing<User> list(PageRequest page) {
        return users.list(page);
    }

    /**
     * Ensures the configured admin token is {@code admin}'s: a staff user holding that token in place of the one
     * configured before; tokens issued through the API stay. Answers whether it works: a deactivated {@code admin} is
     * activated again only when no other staff user is active.
     */
    @Transactional
    boolean ensureAdminToken(String token) {
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            throw new ConfiguredCredentialRefused(
                    "ARROWSYNC_ADMIN_TOKEN",
                    "ARROWSYNC_ADMIN_TOKEN is not a usable token: an Authorization header carries only visible ASCII"
                            + " characters, without spaces");
        }
        long admin = users.upsertStaff("admin", clock.instant());
        tokens.configure(admin, token, clock.instant());
        return users.isActive(admin);
    }

    /**
     * Revokes the token an earlier start took from {@code ARROWSYNC_ADMIN_TOKEN}, now that the variable is not set:
     * removing it is how an operator ends a token it leaked. Answers whether there was one.
     */
    @Transactional
    boolean dropConfiguredToken() {
        return tokens.deleteConfigured() > 0;
    }

    /** Creates a staff user {@code admin} with a random token when there is no staff user at all; returns the token. */
    @Transactional
    Optional<String> createFirstAdminIfNone() {
        if (users.anyStaff()) {
            return Optional.empty();
        }
        String token = Tokens.generate();
        tokens.insert(users.upsertStaff("admin", clock.instant()), token, clock.instant());
        return Optional.of(token);
    }

    /** Gives {@code admin} exactly this password (the configured one), whatever it had. */
    @Transactional
    void ensureAdminPassword(String password) {
        User admin = admin();
        FieldErrors errors = new FieldErrors();
        checkPassword(errors, admin.username(), password);
        if (errors.has("password")) {
            throw new ConfiguredCredentialRefused(
                    "ARROWSYNC_ADMIN_PASSWORD",
                    "ARROWSYNC_ADMIN_PASSWORD is not a usable password: at least " + PASSWORD_MIN_LENGTH
                            + " characters, at most " + PASSWORD_MAX_BYTES + " bytes, not the username");
        }
        if (!isAdminPassword(password)) {
            users.setPasswordHash(admin.id(), passwords.encode(password), clock.instant());
        }
    }

    /** Whether {@code admin} signs in with this password. */
    boolean isAdminPassword(String password) {
        return users.passwordHash(admin().username())
                .map(hash -> passwords.matches(password, hash))
                .orElse(false);
    }

    /** Gives {@code admin} a random password when it has none yet; returns it. */
    @Transactional
    Optional<String> createAdminPasswordIfNone() {
        User admin = admin();
        if (admin.hasPassword()) {
            return Optional.empty();
        }
        String password = Passwords.generate();
        users.setPasswordHash(admin.id(), passwords.encode(password), clock.instant());
        return Optional.of(password);
    }

    private User admin() {
        return users.findByUsername("admin")
                .orElseThrow(() -> new IllegalStateException("The staff user 'admin' does not exist"));
    }

    private static void checkPassword(FieldErrors errors, String username, String password) {
        if (password.length() < PASSWORD_MIN_LENGTH) {
            errors.add(
                    "password",
                    "This password is too short. It must contain at least " + PASSWORD_MIN_LENGTH + " characters.");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            errors.add("password", "This password is too long. It may hold at most " + PASSWORD_MAX_BYTES + " bytes.");
        } else if (password.isBlank()) {
            errors.add("password", "This password may not be blank.");
        } else if (password.equalsIgnoreCase(username)) {
            errors.add("password", "The password is too similar to the username.");
        }
    }

    private static Caller caller(User user) {
        return new Caller(user.uuid(), user.username(), user.staff());
    }

    public record NewUser(User user, String token) {

        /** Without the token, should it ever be logged. */
        @Override
        public String toString() {
            return "NewUser[" + user.username() + ", token=****]";
        }
    }
}
