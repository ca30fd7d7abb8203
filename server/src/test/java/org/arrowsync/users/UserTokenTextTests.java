package org.arrowsync.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A user's new token never shows in the text of the records that carry it, should they be logged. */
class UserTokenTextTests {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void aNewUserAndItsViewHideTheToken() {
        User user = new User(1, UUID.randomUUID(), "ops", false, true, false, Instant.EPOCH);

        assertThat(new UserService.NewUser(user, TOKEN).toString())
                .doesNotContain(TOKEN)
                .contains("ops", "****");
        assertThat(new UserController.UserView(
                                "https://x/api/users/u/", "u", "ops", false, true, false, Instant.EPOCH, TOKEN)
                        .toString())
                .doesNotContain(TOKEN)
                .contains("ops", "****");
    }
}
