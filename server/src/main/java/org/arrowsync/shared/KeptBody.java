package org.arrowsync.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The body of a request as far as the audit kept it while the handler read it (it keeps a change's body, up to a
 * limit), for those who read it after: the audit's summary of the request and the error answers' check of what the
 * request sent (D272). Empty where nothing was kept.
 */
public final class KeptBody {

    private final byte[] bytes;
    private final boolean whole;

    private KeptBody(byte[] bytes, boolean whole) {
        this.bytes = bytes;
        this.whole = whole;
    }

    public static KeptBody of(HttpServletRequest request) {
        ContentCachingRequestWrapper kept = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        byte[] bytes = kept == null ? new byte[0] : kept.getContentAsByteArray();
        long length = request.getContentLengthLong();
        return new KeptBody(bytes, length < 0 ? bytes.length == 0 : bytes.length == length);
    }

    /** How many bytes were kept. */
    public int length() {
        return bytes.length;
    }

    /**
     * Whether what was kept is the whole body the request declared: not when its length is unknown (chunked), or past
     * what is kept, or not read to its end.
     */
    public boolean whole() {
        return whole;
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body read as JSON, if it is JSON. */
    public Optional<JsonNode> json(ObjectMapper mapper) {
        try {
            return Optional.of(mapper.readTree(text()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
