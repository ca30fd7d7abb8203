package org.arrowsync.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    private static final String COLUMNS = "id, uuid, user_id, hint, from_configuration, created";

    private final JdbcClient jdbc;
    private final ListQuery<ApiToken> listing;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(
                jdbc,
                "select " + COLUMNS + " from user_tokens",
                " from user_tokens",
                "created, id",
                TokenRepository::map);
    }

    Listing<ApiToken> list(long userId, PageRequest page) {
        return listing.list(new SqlFilter().eq("user_id", userId), page);
    }

    Optional<ApiToken> find(long userId, UUID uuid) {
        return jdbc.sql("select " + COLUMNS + " from user_tokens where user_id = ? and uuid = ?")
                .params(userId, uuid)
                .query(TokenRepository::map)
                .optional();
    }

    ApiToken insert(long userId, String token, Instant now) {
        return jdbc.sql("insert into user_tokens (uuid, user_id, token_hash, hint, created)"
                        + " values (?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(UUID.randomUUID(), userId, Tokens.hash(token), Tokens.hint(token), Timestamps.of(now))
                .query(TokenRepository::map)
                .single();
    }

    /**
     * The same record with a new secret: the old one stops working when this commits. A rotated configured token is
     * configured no more (the configured one comes back at the next start, beside it). Empty when the token was revoked
     * meanwhile.
     */
    Optional<ApiToken> replace(long id, String token, Instant now) {
        return jdbc.sql("update user_tokens set token_hash = ?, hint = ?, from_configuration = false, created = ?"
                        + " where id = ? returning " + COLUMNS)
                .params(Tokens.hash(token), Tokens.hint(token), Timestamps.of(now), id)
                .query(TokenRepository::map)
                .optional();
    }

    /**
     * Makes {@code token} the user's token from configuration: it replaces the one configured before (the user's other
     * tokens stay) and belongs to this user, whoever held it.
     */
    void configure(long userId, String token, Instant now) {
        String hash = Tokens.hash(token);
        jdbc.sql("delete from user_tokens where user_id = ? and from_configuration and token_hash <> ?")
                .params(userId, hash)
                .update();
        jdbc.sql("""
                insert into user_tokens (uuid, user_id, token_hash, hint, from_configuration, created)
                values (?, ?, ?, ?, true, ?)
                on conflict (token_hash) do update set user_id = excluded.user_id, from_configuration = true
                """)
                .params(UUID.randomUUID(), userId, hash, Tokens.hint(token), Timestamps.of(now))
                .update();
    }

    /** Deletes the token from configuration; answers how many there were. */
    int deleteConfigured() {
        return jdbc.sql("delete from user_tokens where from_configuration").update();
    }

    void delete(long id) {
        jdbc.sql("delete from user_tokens where id = ?").param(id).update();
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("user_id"),
                rs.getString("hint"),
                rs.getBoolean("from_configuration"),
                Timestamps.read(rs, "created"));
    }
}
