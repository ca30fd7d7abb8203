package org.arrowsync.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a start with {@code ARROWSYNC_ADMIN_TOKEN} does to the user it names: the way back in when no staff user is
 * left, not a way around the staff who deactivated it; and a token no Authorization header can carry stops the start.
 */
class ConfiguredAdminIntegrationTests extends IntegrationTest {

    @Autowired
    UserRepository users;

    @Autowired
    UserService service;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStaffUserDeactivatedByOtherActiveStaffStaysDeactivated() {
        String username = "configured-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            long id = users.upsertStaff(username, Instant.now());
            assertThat(users.isActive(id)).isTrue();
            jdbc.sql("update users set is_active = false where id = ?")
                    .param(id)
                    .update();

            assertThat(users.upsertStaff(username, Instant.now())).isEqualTo(id);
            assertThat(users.isActive(id))
                    .as("the test's own staff user is active: it is not overruled")
                    .isFalse();
        } finally {
            jdbc.sql("delete from users where username = ?").param(username).update();
        }
    }

    @Test
    void aTokenNoHeaderCanCarryIsRefusedAndChangesNothing() {
        long before =
                jdbc.sql("select count(*) from user_tokens").query(Long.class).single();

        assertThatThrownBy(() -> service.ensureAdminToken("my admin token 2026"))
                .isInstanceOf(ConfiguredCredentialRefused.class)
                .hasMessageContaining("ARROWSYNC_ADMIN_TOKEN");
        assertThat(jdbc.sql("select count(*) from user_tokens")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
