package org.arrowsync.web;

import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.Rejected;
import org.arrowsync.shared.RejectedAsDetail;
import org.arrowsync.shared.StateConflict;
import org.arrowsync.shared.UnknownReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place that turns exceptions into answers: each kind of refusal (the types in {@code shared}) has its status
 * and body here, chosen by type; nothing reaches a client as a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        return detail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noRoute(NoResourceFoundException e) {
        return detail(HttpStatus.NOT_FOUND, "Not found.");
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e) {
        return json(HttpStatus.BAD_REQUEST, e.errors());
    }

    @ExceptionHandler(UnknownReference.class)
    ResponseEntity<Object> unknownReference(UnknownReference e) {
        return error(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<Object> conflict(StateConflict e) {
        return error(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(Rejected.class)
    ResponseEntity<Object> rejected(Rejected e) {
        return error(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler(RejectedAsDetail.class)
    ResponseEntity<Object> rejectedAsDetail(RejectedAsDetail e) {
        return detail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * Arrow refused or failed: the request cannot be carried out, a 400 {@code {"error": …}} (messages never hold the
     * key).
     */
    @ExceptionHandler(ArrowException.class)
    ResponseEntity<Object> arrowFailed(ArrowException e) {
        log.warn("Arrow call failed: {}", e.getMessage());
        return json(HttpStatus.BAD_REQUEST, Map.of("error", "Arrow API error: " + e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .reduce((a, b) -> a + "." + b)
                    .orElse("non_field_errors");
            return json(HttpStatus.BAD_REQUEST, Map.of(field, List.of("Invalid value.")));
        }
        if (e.getCause() instanceof JacksonException) {
            return detail(HttpStatus.BAD_REQUEST, "JSON parse error: the request body is not valid JSON.");
        }
        return detail(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return detail(HttpStatus.METHOD_NOT_ALLOWED, "Method \"" + e.getMethod() + "\" not allowed.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return detail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type \"" + e.getContentType() + "\" in request.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return detail(HttpStatus.NOT_ACCEPTABLE, "Could not satisfy the request Accept header.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return detail(HttpStatus.NOT_FOUND, "Not found.");
        }
        return json(HttpStatus.BAD_REQUEST, Map.of(e.getName(), List.of("Enter a valid value.")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return json(HttpStatus.BAD_REQUEST, Map.of(e.getParameterName(), List.of("This field is required.")));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        return json(
                HttpStatus.BAD_REQUEST,
                Map.of(InvalidInput.NON_FIELD_ERRORS, List.of("An object with these values already exists.")));
    }

    /**
     * A client that went away mid-answer (an aborted download, a closed tab) is no error of ours, and there is no one
     * left to answer: one DEBUG line, no body.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("The client went away before the answer was written: {}", e.getMessage());
            return null;
        }
        log.error("Unexpected error while handling a request", e);
        return detail(HttpStatus.INTERNAL_SERVER_ERROR, "A server error occurred.");
    }

    private static ResponseEntity<Object> error(HttpStatus status, RuntimeException e) {
        return json(status, Map.of("error", e.getMessage()));
    }

    private static ResponseEntity<Object> detail(HttpStatus status, String message) {
        return json(status, Map.of("detail", message));
    }

    /** A refusal is JSON whatever the request accepts: a CSV download that fails says why in JSON. */
    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
