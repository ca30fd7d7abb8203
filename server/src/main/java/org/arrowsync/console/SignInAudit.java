package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.arrowsync.audit.AuditTrail;
import org.arrowsync.shared.Caller;
import org.arrowsync.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Puts console sign-ins, refused ones too, and sign-outs in the audit trail (D299): Spring Security answers them before
 * any controller, so the audit filter that records every other console form never sees them. A refused sign-in is
 * recorded under the username typed where it is a user's, else as {@code anonymous}: a password typed into the name's
 * field must not stay in the audit log, which staff read and backups keep.
 */
final class SignInAudit {

    static final String SIGN_IN = "console_sign_in";
    static final String SIGN_OUT = "console_sign_out";
    private static final String ANONYMOUS = "anonymous";

    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

    private final AuditTrail audit;
    private final UserService users;

    SignInAudit(AuditTrail audit, UserService users) {
        this.audit = audit;
        this.users = users;
    }

    /** Records the sign-in, then goes on as {@code then}. */
    AuthenticationSuccessHandler accepted(AuthenticationSuccessHandler then) {
        return (request, response, authentication) -> {
            record(SIGN_IN, authentication, 200, request);
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Records the refusal, its cause as its status ({@link SignInFailure.Cause}), then goes on as {@code then}. */
    AuthenticationFailureHandler refused(AuthenticationFailureHandler then) {
        return (request, response, exception) -> {
            String typed = request.getParameter("username");
            record(
                    SIGN_IN,
                    users.isUsername(typed) ? typed : ANONYMOUS,
                    null,
                    SignInFailure.Cause.of(exception).status,
                    request);
            then.onAuthenticationFailure(request, response, exception);
        };
    }

    /** Records a sign-out of a signed-in session. */
    LogoutHandler signedOut() {
        return (request, response, authentication) -> {
            if (authentication != null) {
                record(SIGN_OUT, authentication, 200, request);
            }
        };
    }

    private void record(String action, Authentication authentication, int status, HttpServletRequest request) {
        UUID user = authentication.getPrincipal() instanceof Caller caller ? caller.uuid() : null;
        record(action, authentication.getName(), user, status, request);
    }

    private void record(String action, String actor, UUID user, int status, HttpServletRequest request) {
        try {
            audit.recordSignIn(action, actor, user, status, request);
        } catch (DataAccessException e) {
            // the sign-in is made (or refused) all the same; a lost entry must at least leave a trace
            log.error("Could not record the audit entry of {} by {}: {}", action, actor, e.getMessage());
        }
    }
}
