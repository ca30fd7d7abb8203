package org.arrowsync.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A user's API tokens (staff only, as all of {@code /api/users/}); not part of the Waldur contract. */
@Tag(name = "Users")
@RestController
@RequestMapping("/api/users/{uuid}/tokens/")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "List a user's API tokens (a hint to tell them apart, never the tokens)")
    Listing<TokenView> list(@PathVariable String uuid, PageRequest page) {
        UUID user = Uuids.fromPath(uuid);
        return tokens.list(user, page).map(token -> TokenView.of(user, token, null));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue another API token to a user (shown once, in this response)")
    TokenView issue(@PathVariable String uuid) {
        UUID user = Uuids.fromPath(uuid);
        return TokenView.of(user, tokens.issue(user));
    }

    @PostMapping("{token_uuid}/rotate/")
    @Operation(
            summary = "Rotate an API token: a new token under the same record, shown once in this response; the old"
                    + " one stops working at once")
    TokenView rotate(@PathVariable String uuid, @PathVariable("token_uuid") String token) {
        UUID user = Uuids.fromPath(uuid);
        return TokenView.of(user, tokens.rotate(user, Uuids.fromPath(token)));
    }

    @DeleteMapping("{token_uuid}/")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API token: it stops working at once")
    void revoke(@PathVariable String uuid, @PathVariable("token_uuid") String token) {
        tokens.revoke(Uuids.fromPath(uuid), Uuids.fromPath(token));
    }

    record TokenView(
            String url,
            String uuid,

            @Schema(nullable = true, description = "The token's first characters, to tell it apart")
            String hint,

            @Schema(description = "The token from ARROWSYNC_ADMIN_TOKEN, back at every start while it is set")
            boolean fromConfiguration,

            Instant created,

            @Schema(nullable = true, description = "The token itself: only when issued or rotated")
            String token) {

        static TokenView of(UUID user, TokenService.IssuedToken issued) {
            return of(user, issued.token(), issued.secret());
        }

        static TokenView of(UUID user, ApiToken token, String secret) {
            return new TokenView(
                    ApiUrls.of("users/" + Uuids.hex(user) + "/tokens", token.uuid()),
                    Uuids.hex(token.uuid()),
                    token.hint(),
                    token.fromConfiguration(),
                    token.created(),
                    secret);
        }
    }
}
