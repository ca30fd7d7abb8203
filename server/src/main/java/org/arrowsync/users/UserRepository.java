package org.arrowsync.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, uuid, username, is_staff, is_active, password_hash is not null as has_password, created";

    private final JdbcClient jdbc;
    private final ListQuery<User> listing;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(
                jdbc, "select " + COLUMNS + " from users", " from users", "created, id", UserRepository::map);
    }

    Optional<User> findByTokenHash(String tokenHash) {
        return jdbc.sql("select " + COLUMNS
                        + " from users where id = (select user_id from user_tokens where token_hash = ?)")
                .param(tokenHash)
                .query(UserRepository::map)
                .optional();
    }

    Optional<User> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from users where username = ?")
                .param(username)
                .query(UserRepository::map)
                .optional();
    }

    /** The stored password hash of an existing user, empty when the user has none. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from users where username = ? and password_hash is not null")
                .param(username)
                .query(String.class)
                .optional();
    }

    Optional<User> find(UUID uuid) {
        return jdbc.sql("select " + COLUMNS + " from users where uuid = ?")
                .param(uuid)
                .query(UserRepository::map)
                .optional();
    }

    void setPasswordHash(long id, String passwordHash, Instant now) {
        jdbc.sql("update users set password_hash = ?, password_changed = ? where id = ?")
                .params(passwordHash, Timestamps.of(now), id)
                .update();
    }

    /**
     * Whether the user is active, staff or not as {@code staff} says, and may still sign in with a password, and has
     * not had it set after {@code signedIn}.
     */
    boolean signedInStill(UUID uuid, boolean staff, Instant signedIn) {
        return jdbc.sql("""
                        select exists (select 1 from users where uuid = ? and is_active and is_staff = ?
                                       and password_hash is not null
                                       and (password_changed is null or password_changed <= ?))""")
                .params(uuid, staff, Timestamps.of(signedIn))
                .query(Boolean.class)
                .single();
    }

    /** Sets whether the user is active and staff. */
    void setStatus(long id, boolean active, boolean staff) {
        jdbc.sql("update users set is_active = ?, is_staff = ? where id = ?")
                .params(active, staff, id)
                .update();
    }

    /** Serialises the changes that could leave no active staff user, until the transaction ends. */
    void lockStaff() {
        TransactionLocks.named(jdbc, "users|active-staff");
    }

    boolean anyActiveStaff() {
        return jdbc.sql("select exists (select 1 from users where is_staff and is_active)")
                .query(Boolean.class)
                .single();
    }

    boolean isActive(long id) {
        return jdbc.sql("select is_active from users where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    boolean anyStaff() {
        return jdbc.sql("select exists (select 1 from users where is_staff)")
                .query(Boolean.class)
                .single();
    }

    User insert(String username, boolean staff, Instant now) {
        return jdbc.sql("insert into users (uuid, username, is_staff, created) values (?, ?, ?, ?) returning "
                        + COLUMNS)
                .params(UUID.randomUUID(), username, staff, Timestamps.of(now))
                .query(UserRepository::map)
                .single();
    }

    /**
     * Makes {@code username} a staff user, creating it if needed; answers its id. A deactivated one is activated again
     * only when no other staff user is active (the way back in), not over the staff who deactivated it.
     */
    long upsertStaff(String username, Instant now) {
        return jdbc.sql("""
                        insert into users (uuid, username, is_staff, created) values (?, ?, true, ?)
                        on conflict (username) do update set is_staff = true,
                            is_active = users.is_active or not exists (select 1 from users o
                                                                       where o.is_staff and o.is_active and o.username <> excluded.username)
                        returning id""")
                .params(UUID.randomUUID(), username, Timestamps.of(now))
                .query(Long.class)
                .single();
    }

    Listing<User> list(PageRequest page) {
        return listing.list(new SqlFilter(), page);
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getString("username"),
                rs.getBoolean("is_staff"),
                rs.getBoolean("is_active"),
                rs.getBoolean("has_password"),
                rs.getObject("created", OffsetDateTime.class).toInstant());
    }
}
