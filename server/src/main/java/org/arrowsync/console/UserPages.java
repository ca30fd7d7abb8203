package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.users.User;
import org.arrowsync.users.UserService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users: staff create them (with a console password, or API token only), set their passwords, deactivate them and make
 * them staff or not.
 */
@Controller
class UserPages {

    private final UserService users;
    private final Clock clock;

    UserPages(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Users listed this many to a page. */
    static final int PAGE_SIZE = 50;

    @GetMapping("/users")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("users", users.list(new PageRequest(Math.max(1, page), PAGE_SIZE)));
        return "console/users";
    }

    /**
     * The new user's API token is shown once, on the page this sends the browser to (so that a reload does not create
     * the user again); a refused form is answered in place, as typed.
     */
    @PostMapping("/users")
    String create(
            @RequestParam(required = false) String username,
            @RequestParam(name = "is_staff", required = false) String staff,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            UserService.NewUser created = users.create(
                    username == null ? null : username.strip(),
                    staff != null,
                    password == null || password.isEmpty() ? null : password);
            return ConsoleForms.reloadWith(request, response, "/users", Map.of("created", created));
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("username", username);
            model.addAttribute("staff", staff != null);
            model.addAttribute("reason", reason);
            return list(1, model);
        }
    }

    /** Activates or deactivates a user, or makes it staff or not (D254); the page says what changed. */
    @PostMapping("/users/{uuid}/status")
    String setStatus(
            @PathVariable String uuid,
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(name = "is_staff", required = false) Boolean staff,
            @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        User user = users.setStatus(ConsoleAuthentication.caller(request), Filters.uuid("uuid", uuid), active, staff);
        String now = active != null
                ? (user.active() ? "is active: it may sign in again" : "is deactivated: it signs in no more")
                : (user.staff() ? "is staff now" : "is no longer staff");
        redirect.addFlashAttribute("flash", user.username() + " " + now + ".");
        return backTo(page);
    }

    @PostMapping("/users/{uuid}/password")
    String setPassword(
            @PathVariable String uuid,
            @RequestParam(required = false) String password,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var id = Filters.uuid("uuid", uuid);
        try {
            var user = users.setPassword(id, password);
            Caller me = ConsoleAuthentication.caller(request);
            if (me != null && me.uuid().equals(id)) {
                // the user's other sessions end (D253); the one that set the password goes on
                ConsoleAuthentication.signedInAgain(request, clock.instant());
            }
            redirect.addFlashAttribute("flash", "Password of " + user.username() + " set.");
        } catch (InvalidInput e) {
            model.addAttribute("passwordErrors", e.errors());
            model.addAttribute("passwordUser", id);
            return list(page, model);
        }
        return backTo(page);
    }

    /** The page of users a form was sent from, which shows its user. */
    private static String backTo(int page) {
        return page > 1 ? "redirect:/users?page=" + page : "redirect:/users";
    }
}
