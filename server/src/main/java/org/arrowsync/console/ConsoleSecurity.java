package org.arrowsync.console;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Arrays;
import org.arrowsync.audit.AuditTrail;
import org.arrowsync.users.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /health}, {@code /metrics}) keeps its own token authentication
 * and its 401/403 answers: Spring Security stays out of its way (no session, no CSRF, no headers). Everything else is
 * the console: password sign-in at {@code /login}, a session cookie from then on, a CSRF token on every form and htmx
 * request ({@link ConsoleCsrfTokens}), sign-in throttling, an idle timeout, and staff only (D35: other users get a 403
 * page).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ConsoleSecurity {

    /** The sign-in page's path, where its form posts too. */
    static final String SIGN_IN = "/login";

    /** The sign-out's path, which the entry point also answers for a session that ended. */
    static final String SIGN_OUT = "/logout";

    /** What the console serves to anyone: the sign-in page, the error page and the pages' assets. */
    static final String[] OPEN_TO_ALL = {SIGN_IN, "/console/**", "/webjars/**", "/favicon.ico", "/error"};

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/health", "/health/**", "/metrics")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                // nosniff and no-store come from RequestEdge; no page of the API (Swagger UI's neither) is framed
                .headers(headers -> headers.defaultsDisabled()
                        .frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .anonymous(anonymous -> anonymous.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(
            HttpSecurity http,
            ConsoleAuthentication authentication,
            UserService users,
            ConsoleProperties properties,
            Clock clock,
            AuditTrail audit,
            @Value("${server.servlet.session.cookie.name}") String sessionCookie)
            throws Exception {
        CookieClearingLogoutHandler forgetSession = new CookieClearingLogoutHandler(sessionCookie);
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage("/forbidden");
        ReturnAfterSignIn returnAfterSignIn = new ReturnAfterSignIn();
        SavedRequestAwareAuthenticationSuccessHandler toPageAsked = new SavedRequestAwareAuthenticationSuccessHandler();
        toPageAsked.setDefaultTargetUrl("/");
        toPageAsked.setRequestCache(returnAfterSignIn);
        SignInAudit signIns = new SignInAudit(audit, users);
        return http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(OPEN_TO_ALL)
                        .permitAll()
                        .requestMatchers("/forbidden")
                        .authenticated()
                        .anyRequest()
                        .hasRole(ConsoleAuthentication.STAFF))
                // the console's own manager, with no parent: Spring Security would otherwise make the global one
                // (which also holds this provider, the only provider bean) its parent and ask it after a refusal,
                // counting each wrong password twice
                .authenticationManager(new ProviderManager(authentication))
                .formLogin(login -> login.loginPage(SIGN_IN)
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .successHandler(signIns.accepted(toPageAsked))
                        .failureHandler(signIns.refused(new SignInFailure())))
                .logout(logout -> logout.logoutUrl(SIGN_OUT)
                        .logoutSuccessUrl("/login?signed-out")
                        // so that the pages opened after signing out do not say a session ended unasked
                        .addLogoutHandler(forgetSession)
                        .addLogoutHandler(signIns.signedOut()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new ConsoleEntryPoint(forgetSession))
                        .accessDeniedHandler(forbidden))
                // No session before sign-in: the page asked for waits in a cookie, the CSRF token in another until
                // then, so a visitor who never signs in leaves nothing in the server's memory (D193)
                .requestCache(cache -> cache.requestCache(returnAfterSignIn))
                .csrf(csrf -> csrf.csrfTokenRepository(new ConsoleCsrfTokens()))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(
                        new IdleTimeout(properties.idleTimeout(), openToAll(), returnAfterSignIn, clock),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new RevokedSessions(users), AnonymousAuthenticationFilter.class)
                .build();
    }

    static RequestMatcher openToAll() {
        return new OrRequestMatcher(Arrays.stream(OPEN_TO_ALL)
                .map(PathPatternRequestMatcher.withDefaults()::matcher)
                .map(RequestMatcher.class::cast)
                .toList());
    }
}
