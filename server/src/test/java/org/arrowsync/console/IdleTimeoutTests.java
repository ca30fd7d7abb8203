package org.arrowsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The idle timeout counts what the user does, not what a page polls for by itself, and keeps the page for after the
 * sign-in (D298).
 */
class IdleTimeoutTests {

    static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, List.of(new SimpleGrantedAuthority("ROLE_STAFF"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSessionWithoutActionsForTheTimeoutIsSignedOutWhilePollsDoNotCount() throws Exception {
        assertThat(request(START, false).getStatus()).isEqualTo(200);
        assertThat(request(START.plus(Duration.ofMinutes(20)), true).getStatus())
                .as("a poll within the timeout passes")
                .isEqualTo(200);
        assertThat(request(START.plus(Duration.ofMinutes(29)), false).getStatus())
                .as("an action 29 minutes after the last action passes")
                .isEqualTo(200);

        MockHttpServletResponse poll = request(START.plus(Duration.ofMinutes(60)), true);
        assertThat(poll.getStatus()).isEqualTo(302);
        assertThat(poll.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
        assertThat(returnsTo(poll))
                .as("the page asked for, for after the sign-in")
                .isEqualTo("/jobs/1");
    }

    @Test
    void anHtmxRequestOfAnExpiredSessionIsSentToTheSignInPageAsAWhole() throws Exception {
        request(START, false);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/jobs");
        request.setSession(session);
        request.addHeader("HX-Request", "true");
        request.addHeader("HX-Current-URL", "http://localhost/months?page=2");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter(START.plus(Duration.ofMinutes(31))).doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/login?expired");
        assertThat(returnsTo(response)).as("the page it was sent from").isEqualTo("/months?page=2");
    }

    /** An asset asked for first after the timeout is served as to anyone, and kept for nothing. */
    @Test
    void anAssetOfAnExpiredSessionIsServedAndNotKeptToGoBackTo() throws Exception {
        request(START, false);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/favicon.ico");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter(START.plus(Duration.ofMinutes(31))).doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("served").isSameAs(request);
        assertThat(session.isInvalid()).isTrue();
        assertThat(returnsTo(response)).isNull();
    }

    /** The page the response keeps for after the sign-in, null when none. */
    private static String returnsTo(MockHttpServletResponse response) {
        Cookie kept = response.getCookie(ReturnAfterSignIn.COOKIE);
        return kept == null ? null : new String(Base64.getUrlDecoder().decode(kept.getValue()), StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse request(Instant at, boolean poll) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/jobs/1");
        request.setSession(session);
        if (poll) {
            request.addHeader(IdleTimeout.POLL_HEADER, "1");
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter(at).doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static IdleTimeout filter(Instant now) {
        return new IdleTimeout(
                Duration.ofMinutes(30),
                ConsoleSecurity.openToAll(),
                new ReturnAfterSignIn(),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
