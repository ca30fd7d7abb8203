package org.arrowsync.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a request sent a text itself, in its path, its parameters or its body as the API read it (JSON's escapes
 * decoded): an answer refusing it may repeat what it sent, a secret among it, as masking that alone would tell a sender
 * guessing at secrets that it guessed one (D272). Read once, when first asked. A body the audit did not keep whole (its
 * length unknown, or past what is kept) is not known, and then every text is taken as sent.
 */
final class SentText implements Predicate<String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServletRequest request;
    private String sent;

    SentText(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public boolean test(String text) {
        if (sent == null) {
            sent = read();
        }
        return sent.isEmpty() || sent.contains(text);
    }

    /** The request's texts one to a line, or empty when its body is not known whole. */
    private String read() {
        StringBuilder texts = new StringBuilder("\n").append(request.getRequestURI());
        try {
            texts.append('\n').append(UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8));
            request.getParameterMap().forEach((name, values) -> {
                texts.append('\n').append(name);
                for (String value : values) {
                    texts.append('\n').append(value);
                }
            });
        } catch (RuntimeException e) {
            // a path or parameter that does not decode: what did decode is enough
        }
        ContentCachingRequestWrapper kept = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        byte[] body = kept == null ? new byte[0] : kept.getContentAsByteArray();
        long length = request.getContentLengthLong();
        if (length > 0 && body.length != length || length < 0 && body.length > 0) {
            return "";
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        texts.append('\n').append(raw);
        try {
            collect(JSON.readTree(raw), texts);
        } catch (JacksonException e) {
            // not JSON: its text as it came
        }
        return texts.toString();
    }

    private static void collect(JsonNode node, StringBuilder texts) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(field -> {
                texts.append('\n').append(field.getKey());
                collect(field.getValue(), texts);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, texts));
        } else if (!node.isNull()) {
            texts.append('\n').append(node.asString());
        }
    }
}
