package org.arrowsync.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Users")
@RestController
@RequestMapping("/api/users/")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List users")
    Listing<UserView> list(PageRequest page) {
        return users.list(page).map(user -> UserView.of(user, null));
    }

    /** The token is shown here once and never again. */
    @PostMapping
    @Operation(summary = "Create a user (its token is shown once, in this response)")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserForm form) {
        UserService.NewUser created = users.create(form.username(), form.isStaff());
        return UserView.of(created.user(), created.token());
    }

    record UserForm(String username, Boolean isStaff) {}

    record UserView(
            String url,
            String uuid,
            String username,
            boolean isStaff,
            Instant created,
            @Schema(nullable = true) String token) {

        static UserView of(User user, String token) {
            return new UserView(
                    ApiUrls.of("users", user.uuid()),
                    Uuids.hex(user.uuid()),
                    user.username(),
                    user.staff(),
                    user.created(),
                    token);
        }
    }
}
