package org.arrowsync.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a user")
    UserView get(@PathVariable String uuid) {
        return UserView.of(users.get(Uuids.fromPath(uuid)), null);
    }

    /** The token is shown here once and never again; a password, when given, lets the user sign in to the console. */
    @PostMapping
    @Operation(summary = "Create a user (its token is shown once, in this response)")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserForm form) {
        UserService.NewUser created = users.create(form.username(), form.isStaff(), form.password());
        return UserView.of(created.user(), created.token());
    }

    @PatchMapping("{uuid}/")
    @Operation(summary = "Activate or deactivate a user, or make it staff or not (a deactivated user signs in no more)")
    UserView change(@PathVariable String uuid, @RequestBody StatusForm form, Caller caller) {
        return UserView.of(users.setStatus(caller, Uuids.fromPath(uuid), form.isActive(), form.isStaff()), null);
    }

    @PostMapping("{uuid}/set_password/")
    @Operation(summary = "Set a user's console password (write-only; the answer never holds it)")
    UserView setPassword(@PathVariable String uuid, @RequestBody PasswordForm form) {
        return UserView.of(users.setPassword(Uuids.fromPath(uuid), form.password()), null);
    }

    record UserForm(
            String username,
            Boolean isStaff,

            @Schema(description = "Console password, write-only: at least 10 characters")
            String password) {

        @Override
        public String toString() {
            return "UserForm[username=" + username + "]";
        }
    }

    record StatusForm(Boolean isActive, Boolean isStaff) {}

    record PasswordForm(
            @Schema(requiredMode = RequiredMode.REQUIRED) String password) {

        @Override
        public String toString() {
            return "PasswordForm[****]";
        }
    }

    record UserView(
            String url,
            String uuid,
            String username,
            boolean isStaff,
            boolean isActive,
            boolean hasPassword,
            Instant created,
            @Schema(nullable = true) String token) {

        static UserView of(User user, String token) {
            return new UserView(
                    ApiUrls.of("users", user.uuid()),
                    Uuids.hex(user.uuid()),
                    user.username(),
                    user.staff(),
                    user.active(),
                    user.hasPassword(),
                    user.created(),
                    token);
        }

        /** Without the token, should a view ever be logged. */
        @Override
        public String toString() {
            return "UserView[" + username + ", token=" + (token == null ? "none" : "****") + "]";
        }
    }
}
