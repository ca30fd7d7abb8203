package org.arrowsync.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.arrowsync.shared.KeptBody;
import org.springframework.web.util.UriUtils;
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

    private SentText(HttpServletRequest request) {
        this.request = request;
    }

    /** The request's own, read once however many texts of its answer are checked. */
    static SentText of(HttpServletRequest request) {
        if (request.getAttribute(SentText.class.getName()) instanceof SentText read) {
            return read;
        }
        SentText sent = new SentText(request);
        request.setAttribute(SentText.class.getName(), sent);
        return sent;
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
        KeptBody body = KeptBody.of(request);
        if (!body.whole()) {
            return "";
        }
        texts.append('\n').append(body.text());
        body.json(JSON).ifPresent(json -> collect(json, texts));
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
