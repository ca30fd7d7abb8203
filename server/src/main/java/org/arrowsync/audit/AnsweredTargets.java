package org.arrowsync.audit;

import java.util.UUID;
import org.arrowsync.shared.Uuids;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notes what an audited request's answer names by its {@code uuid} (the object it created, the job it queued), for a
 * request whose path names nothing.
 */
@ControllerAdvice
class AnsweredTargets implements ResponseBodyAdvice<Object> {

    private final JsonMapper json;

    AnsweredTargets(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(AuditTrail.ENTRY) != null
                && body != null
                && body.getClass().isRecord()) {
            UUID named = uuidOf(body);
            if (named != null) {
                servlet.getServletRequest().setAttribute(AuditFilter.TARGET, named);
            }
        }
        return body;
    }

    /** The {@code uuid} the body carries on the wire. */
    private UUID uuidOf(Object body) {
        JsonNode uuid = json.valueToTree(body).get("uuid");
        return uuid == null || !uuid.isString()
                ? null
                : Uuids.parse(uuid.asString()).orElse(null);
    }
}
