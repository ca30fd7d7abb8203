package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Htmx;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.Refusal;
import org.arrowsync.shared.StateConflict;
import org.arrowsync.shared.UnknownReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every console page knows (who is signed in), and how the console answers a refusal: a page (or, for an htmx
 * request, a message in the page's message area) in plain words, never the API's JSON.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    @ModelAttribute("me")
    Caller me(HttpServletRequest request) {
        return ConsoleAuthentication.caller(request);
    }

    /** A refusal gets the status the API gives it (a missing object 404, a state conflict 409, else 400). */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e instanceof NotFound || e instanceof UnknownReference) {
            return problem(request, response, model, 404, "Not found", List.of(e.getMessage()));
        }
        int status = e instanceof StateConflict ? 409 : 400;
        return problem(request, response, model, status, "Refused", List.of(e.getMessage()));
    }

    /** A form marked {@link AsksFirst} sent without its confirmation: its question, nothing done yet. */
    @ExceptionHandler(AskedForms.Unconfirmed.class)
    String ask(AskedForms.Unconfirmed asked, Model model) {
        model.addAttribute("asked", asked.question());
        return "console/confirm";
    }

    /** Two presses of one form (a double click) race to create the same record: the second finds the first's. */
    @ExceptionHandler(DuplicateKeyException.class)
    String duplicate(DuplicateKeyException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return problem(
                request,
                response,
                model,
                409,
                "Already there",
                List.of("A record with these values already exists: it may have been saved by an earlier press of the"
                        + " same button."));
    }

    /** As the API answers it: Arrow failing is a bad gateway, Arrow refusing the request (the key, the call) is not. */
    @ExceptionHandler(ArrowException.class)
    String arrowFailed(ArrowException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return e.upstreamFailure()
                ? problem(request, response, model, 502, "Arrow did not answer", List.of(e.getMessage()))
                : problem(request, response, model, 400, "The Arrow call was refused", List.of(e.getMessage()));
    }

    @ExceptionHandler(InvalidInput.class)
    String invalid(InvalidInput e, HttpServletRequest request, HttpServletResponse response, Model model) {
        List<String> messages = e.errors().entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(message -> label(entry) + message))
                .toList();
        return problem(request, response, model, 400, "Not accepted", messages);
    }

    /** An address whose parameter cannot be read as its type ({@code ?page=abc}) is the caller's, not the server's. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String unreadable(
            MethodArgumentTypeMismatchException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String expected = e.getRequiredType() != null && Number.class.isAssignableFrom(boxed(e.getRequiredType()))
                ? "not a whole number the console can read"
                : "not a value the console can read";
        return problem(request, response, model, 400, "Not accepted", List.of(e.getName() + ": " + expected));
    }

    /** An address or form without a value the page needs ({@code /margins/reprice} without its month). */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(
            MissingServletRequestParameterException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(request, response, model, 400, "Not accepted", List.of(e.getParameterName() + ": required"));
    }

    private static Class<?> boxed(Class<?> type) {
        return type == int.class ? Integer.class : type == long.class ? Long.class : type;
    }

    /** Anything else is the server's fault: the details go to the log, the page says so plainly. */
    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("Console request {} failed", request.getRequestURI(), e);
        return problem(
                request,
                response,
                model,
                500,
                "Something went wrong",
                List.of("The server could not do this; the details are in the server log."));
    }

    private static String label(Map.Entry<String, List<String>> entry) {
        return InvalidInput.NON_FIELD_ERRORS.equals(entry.getKey()) ? "" : entry.getKey() + ": ";
    }

    private static String problem(
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            int status,
            String title,
            List<String> messages) {
        response.setStatus(status);
        model.addAttribute("title", title);
        model.addAttribute("messages", messages);
        model.addAttribute("status", status);
        if (Htmx.sent(request)) {
            Htmx.toMessages(response);
            return "console/problem :: message";
        }
        return "console/problem";
    }
}
