package org.arrowsync.web;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.shared.DatabaseConnectionLost;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.Rejected;
import org.arrowsync.shared.RejectedAsDetail;
import org.arrowsync.shared.Secrets;
import org.arrowsync.shared.StateConflict;
import org.arrowsync.shared.UnknownReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place that turns exceptions into answers: each kind of refusal (the types in {@code shared}) has its status
 * and body here, chosen by type; nothing reaches a client as a stack trace. Every answer is JSON whatever the request
 * accepts (a body the client cannot take is still better than none; only a browser asking for a page that nothing
 * serves outside the API gets a page), every message is scrubbed of stored secrets, and a refusal is logged at DEBUG
 * only: a client's bad request is not a server error.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** PostgreSQL's SQLSTATE for a row whose foreign key names no row. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private static final Set<Class<?>> INTEGRAL =
            Set.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class);

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        return detail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /**
     * A path nothing serves (a read of one without its trailing slash that is served with it was sent there by the
     * routing, {@link ActionRoutes}). A browser that asked for a page outside the API (a mistyped console address) gets
     * a page saying so in words, with the way back; anyone else the API's JSON.
     */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        if (BrowserPages.wanted(request)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_HTML)
                    .body(BrowserPages.page("Not found", "There is no page at this address."));
        }
        return detail(HttpStatus.NOT_FOUND, "Not found.");
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        e.errors()
                .forEach((field, messages) -> errors.put(
                        shown(field),
                        messages.stream().map(ApiExceptionHandler::shown).toList()));
        return answer(HttpStatus.BAD_REQUEST, NestedFieldErrors.of(errors));
    }

    @ExceptionHandler(UnknownReference.class)
    ResponseEntity<Object> unknownReference(UnknownReference e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<Object> conflict(StateConflict e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(Rejected.class)
    ResponseEntity<Object> rejected(Rejected e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RejectedAsDetail.class)
    ResponseEntity<Object> rejectedAsDetail(RejectedAsDetail e) {
        return detail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * Arrow refused the request (the key, the call): it cannot be carried out, a 400 (D34). Arrow failed (unreachable,
     * too slow, too large, not JSON): a 502 (D51), so that a client can tell a bad request from a bad upstream. The
     * messages name the endpoint and status, never Arrow's answer or the key.
     */
    @ExceptionHandler(ArrowException.class)
    ResponseEntity<Object> arrowFailed(ArrowException e) {
        log.warn("Arrow call failed: {}", e.getMessage());
        HttpStatus status = e.upstreamFailure() ? HttpStatus.BAD_GATEWAY : HttpStatus.BAD_REQUEST;
        return error(status, "Arrow API error: " + e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestEdge.BodyTooLarge tooLarge) {
                return detail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            }
        }
        // a value the field cannot take, an integer past its range among them (Jackson names the field in both)
        if (e.getCause() instanceof JacksonException mismatch
                && (mismatch instanceof DatabindException || mismatch instanceof InputCoercionException)
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .reduce((a, b) -> a + "." + b)
                    .orElse(InvalidInput.NON_FIELD_ERRORS);
            return answer(
                    HttpStatus.BAD_REQUEST, NestedFieldErrors.of(Map.of(shown(field), List.of(problem(mismatch)))));
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            // valid JSON, but past what the server reads: a number of a thousand digits, nesting a thousand deep
            return detail(
                    HttpStatus.BAD_REQUEST, "The request body is past a limit of the JSON read: " + passed(limit));
        }
        if (e.getCause() instanceof MismatchedInputException wrongShape
                && wrongShape.getPath().isEmpty()) {
            // valid JSON of another shape than the body's: a list, a string, a number where an object was asked
            return detail(HttpStatus.BAD_REQUEST, "Invalid data: the request body must be a JSON object.");
        }
        if (e.getCause() instanceof JacksonException) {
            return detail(HttpStatus.BAD_REQUEST, "JSON parse error: the request body is not valid JSON.");
        }
        return detail(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable.");
    }

    /** What is wrong with a field's value, in DRF's words where DRF has them. */
    private static String problem(JacksonException mismatch) {
        if (mismatch instanceof InvalidNullException) {
            return "This field may not be null.";
        }
        Class<?> type = mismatch instanceof MismatchedInputException input
                ? input.getTargetType()
                : mismatch instanceof InputCoercionException outOfRange ? outOfRange.getTargetType() : null;
        if (type == Boolean.class || type == boolean.class) {
            return "Must be a valid boolean.";
        }
        if (type != null && INTEGRAL.contains(type)) {
            return "A valid integer is required.";
        }
        if (type == String.class) {
            return InvalidInput.NOT_A_STRING;
        }
        return "Invalid value.";
    }

    /**
     * A method the path does not take, with the methods it takes as Waldur lists them. A browser that opened a console
     * form's address (a reload after a refused form) gets a page saying so, with the way back.
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        if (BrowserPages.wanted(request)) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .headers(e.getHeaders())
                    .contentType(MediaType.TEXT_HTML)
                    .body(BrowserPages.page(
                            "Not a page",
                            "This address takes a form sent from the console; it shows nothing by itself."
                                    + " Go back to the page the form was on."));
        }
        ResponseEntity<Object> refusal =
                detail(HttpStatus.METHOD_NOT_ALLOWED, ErrorDetails.methodNotAllowed(e.getMethod()));
        return ResponseEntity.status(refusal.getStatusCode())
                .headers(refusal.getHeaders())
                .headers(e.getHeaders())
                .body(refusal.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return detail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type \"" + e.getContentType() + "\" in request.");
    }

    /** The request accepts nothing the endpoint writes (XML, HTML, garbage): DRF's 406, in JSON all the same. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return detail(HttpStatus.NOT_ACCEPTABLE, "Could not satisfy the request Accept header.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return detail(HttpStatus.NOT_FOUND, "Not found.");
        }
        return answer(HttpStatus.BAD_REQUEST, Map.of(e.getName(), List.of("Enter a valid value.")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, Map.of(e.getParameterName(), List.of("This field is required.")));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                Map.of(InvalidInput.NON_FIELD_ERRORS, List.of("An object with these values already exists.")));
    }

    /**
     * An object the request names was deleted by another request between the check and the write (its foreign key
     * refuses the row): a 400 as for an object that never existed. Any other refusal of the database is a bug.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> refusedByTheDatabase(DataIntegrityViolationException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
            return answer(
                    HttpStatus.BAD_REQUEST,
                    Map.of(InvalidInput.NON_FIELD_ERRORS, List.of(InvalidInput.DOES_NOT_EXIST)));
        }
        return unexpected(e);
    }

    /**
     * A client that went away mid-answer (an aborted download, a closed tab) is no error of ours, and there is no one
     * left to answer: one DEBUG line, no body. Any other refusal of the web framework keeps its 4xx. A database that
     * went away (D62) is a 503 the caller may retry; the rest is a bug.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("The client went away before the answer was written: {}", e.getMessage());
            return null;
        }
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = refusal.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            return detail(status, known == null ? "Bad request." : known.getReasonPhrase() + ".");
        }
        if (DatabaseConnectionLost.causes(e)) {
            // PostgreSQL restarted or is unreachable: nothing of the request was kept, and asking again later will do
            log.warn("The database was unreachable while handling a request: {}", e.getMessage());
            return detail(HttpStatus.SERVICE_UNAVAILABLE, TokenAuthenticationFilter.DATABASE_UNAVAILABLE);
        }
        log.error("Unexpected error while handling a request", e);
        return detail(HttpStatus.INTERNAL_SERVER_ERROR, "A server error occurred.");
    }

    private static ResponseEntity<Object> error(HttpStatusCode status, String message) {
        return answer(status, Map.of("error", shown(message)));
    }

    private static ResponseEntity<Object> detail(HttpStatusCode status, String message) {
        return answer(status, Map.of("detail", shown(message)));
    }

    /** Which limit of the JSON read a body passed, in words: Jackson's message names its own settings' methods. */
    private static String passed(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("number")) {
            return "a number, or a text given for a number, too long to read.";
        }
        if (message.contains("depth")) {
            return "values nested too deep.";
        }
        if (message.contains("string")) {
            return "a text too long to read.";
        }
        return "a value too large to read.";
    }

    /**
     * An answer's text with the secrets the server holds masked, but those the request carried itself: a refusal that
     * repeats a value masked only when it is a secret would let anyone check guesses of one (D272).
     */
    private static String shown(String text) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                ? Secrets.scrub(text, SentText.of(current.getRequest()))
                : Secrets.scrub(text);
    }

    /** JSON, whatever the request's Accept says: a preset content type is written as it is, not negotiated. */
    private static ResponseEntity<Object> answer(HttpStatusCode status, Object body) {
        if (status.is4xxClientError()) {
            log.debug("Refused with HTTP {}: {}", status.value(), body);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
