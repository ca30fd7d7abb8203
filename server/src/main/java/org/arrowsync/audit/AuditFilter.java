package org.arrowsync.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.shared.OperationIds;
import org.arrowsync.shared.RequestIds;
import org.arrowsync.shared.Texts;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every request that may change something (POST, PUT, PATCH, DELETE) and reached a controller, once it is
 * answered: after authentication, so it knows the actor (the request's principal, whichever way it signed in), and
 * around every controller, the API's and the console's alike (D40). A refused request is recorded too, with its status.
 * So is a read its controller marks {@link AuditedRead}.
 */
final class AuditFilter extends OncePerRequestFilter {

    static final String REASON_HEADER = "X-Reason";
    /** The console's form field for the reason. */
    static final String REASON_PARAMETER = "reason";
    /** The most of a body read into the summary; a longer one is described instead. */
    static final int KEPT_BODY = 64 * 1024;

    /** A variable of a path pattern, {@code {uuid}}, in the order the path names them. */
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    static final String TARGET = AuditFilter.class.getName() + ".target";

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail trail;
    private final JsonMapper json;

    AuditFilter(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID entry = UUID.randomUUID();
        HttpServletRequest seen = request;
        if (CHANGES.contains(request.getMethod())) {
            seen = new ContentCachingRequestWrapper(request, KEPT_BODY); // only a change's body is summarised
            seen.setAttribute(AuditTrail.ENTRY, entry); // a read's answer names nothing to note (AnsweredTargets)
        }
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(seen, response);
            status = seen.getAttribute(AuditTrail.REFUSED) != null && response.getStatus() < 400
                    ? HttpServletResponse.SC_BAD_REQUEST
                    : response.getStatus();
        } finally {
            record(entry, seen, status);
        }
    }

    private void record(UUID entry, HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null || request.getAttribute(AuditTrail.ASKED) != null) {
            return; // no controller took it, or its page asked first: nothing was changed
        }
        if (!CHANGES.contains(request.getMethod()) && !auditedRead(request)) {
            return;
        }
        Principal principal = request.getUserPrincipal();
        try {
            trail.record(new AuditEntry(
                    entry,
                    trail.now(),
                    principal == null ? "anonymous" : Texts.truncate(principal.getName(), 150),
                    action(request, pattern.toString()),
                    target(request, pattern.toString()),
                    RequestSummary.of(request, json),
                    status,
                    request.getRemoteAddr(),
                    RequestIds.current() == null ? "" : RequestIds.current(),
                    reason(request)));
        } catch (DataAccessException e) {
            // The change is made and answered; a lost entry must at least leave a trace.
            log.error(
                    "Could not record the audit entry of {} {} by {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    principal == null ? "anonymous" : principal.getName(),
                    e.getMessage());
        }
    }

    /** A GET its controller marks {@link AuditedRead}; a HEAD of it hands nothing out. */
    private static boolean auditedRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && handler.hasMethodAnnotation(AuditedRead.class);
    }

    /** The operation's name as the API description gives it: the one its controller declares, else the derived one. */
    private static String action(HttpServletRequest request, String pattern) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
            Operation declared = handler.getMethodAnnotation(Operation.class);
            if (declared != null && !declared.operationId().isBlank()) {
                return declared.operationId();
            }
        }
        return OperationIds.of(pattern, request.getMethod(), false);
    }

    /**
     * What the path names (its last uuid: a user's token, a webhook's delivery), else what the answer named (the
     * created object, the queued job).
     */
    private static UUID target(HttpServletRequest request, String pattern) {
        UUID named = null;
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            Matcher variable = PATH_VARIABLE.matcher(pattern);
            while (variable.find()) {
                String name = variable.group(1).split(":", 2)[0]; // {name:regex}
                if (name.endsWith("uuid") && variables.get(name) instanceof String value) {
                    named = Uuids.parse(value).orElse(named);
                }
            }
        }
        return named == null && request.getAttribute(TARGET) instanceof UUID answered ? answered : named;
    }

    private static String reason(HttpServletRequest request) {
        String reason = request.getHeader(REASON_HEADER);
        if (reason == null || reason.isBlank()) {
            reason = request.getParameter(REASON_PARAMETER);
        } else {
            reason = asUtf8(reason);
        }
        return reason == null ? "" : Texts.truncate(reason.strip(), 1000);
    }

    /**
     * A header as its sender wrote it: clients send UTF-8, and the servlet container reads a header's bytes as
     * ISO-8859-1, so "réduction" arrives as "rÃ©duction". Bytes that are not UTF-8 are kept as read.
     */
    static String asUtf8(String header) {
        if (header.chars().anyMatch(c -> c > 0xFF)) {
            return header; // already beyond ISO-8859-1: decoded by someone else
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return header;
        }
    }
}
