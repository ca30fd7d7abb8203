package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Htmx;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form posts to Spring Security) and the page other users than staff get. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String revoked,
            @RequestParam(required = false) String ended,
            @RequestParam(name = "ended-page", required = false) String endedPage,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (error != null) {
            // the page opens no session: why the sign-in was refused, and the username typed, come in a cookie
            Optional<SignInFailure.Refusal> refusal = SignInFailure.read(request, response);
            model.addAttribute("error", refusal.map(SignInFailure.Refusal::why).orElse(SignInFailure.WRONG_SENTENCE));
            model.addAttribute(
                    "username", refusal.map(SignInFailure.Refusal::username).orElse(null));
        }
        if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        if (expired != null) {
            model.addAttribute("notice", "You were signed out after a while without activity. Please sign in again.");
        }
        if (revoked != null) {
            model.addAttribute(
                    "notice",
                    "You were signed out: your password was set, or your user deactivated or its staff status changed, after you"
                            + " signed in.");
        }
        if (endedPage != null) {
            model.addAttribute(
                    "notice",
                    "Your session has ended (after a while without activity, or as the server restarted). Please sign"
                            + " in again.");
        }
        if (ended != null) {
            model.addAttribute(
                    "notice",
                    "Your session has ended (after a while without activity, a sign-out in another tab, or as the"
                            + " server restarted), and what you sent was not done. Please sign in again.");
        }
        return "console/login";
    }

    /**
     * Where Spring Security forwards a refusal, whatever the method: a form without a valid CSRF token (an old page, or
     * a post from elsewhere) or a user who is not staff.
     */
    @RequestMapping("/forbidden")
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        Caller me = ConsoleAuthentication.caller(request);
        if (!csrf && me != null && me.staff()) {
            return "redirect:/"; // opened by hand: nothing is refused to staff
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("csrf", csrf);
        if (Htmx.sent(request)) {
            // a part of a page asked: the refusal goes where the page shows its messages, the page left as it is
            Htmx.toMessages(response);
            model.addAttribute(
                    "messages",
                    List.of(
                            csrf
                                    ? "This page's form has expired (a sign-out or a new sign-in in another tab), so"
                                            + " nothing was done. Reload the page and try again."
                                    : "The console is for staff users."));
            return "console/problem :: message";
        }
        return "console/forbidden";
    }
}
