package org.arrowsync.shared;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * Characters no text the API takes may hold, in Django REST framework's wording: NUL (PostgreSQL stores none), other
 * control characters (line breaks and tabs are text in a body, never in a query parameter) and halves of surrogate
 * pairs (no valid UTF-8 exists for them).
 */
public final class TextRules {

    private TextRules() {}

    /** Why {@code text} is refused, or null when it is fine. */
    public static String problem(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "Null characters are not allowed.";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("Surrogate characters are not allowed: U+%04X.", (int) c);
            } else if ((c < 0x20 || c == 0x7f) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return "Control characters are not allowed.";
            }
        }
        return null;
    }

    /**
     * Whether the path is spelled the one way routing and the checks read alike: no empty, {@code .} or {@code ..}
     * segment (a container normalises those, the router does not), no backslash, no control character.
     */
    public static boolean canonicalPath(String rawPath) {
        String path;
        try {
            path = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return false;
        }
        if (!path.startsWith("/") || path.indexOf('\\') >= 0 || problem(path, false) != null) {
            return false;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].split(";", 2)[0];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !last)) {
                return false;
            }
        }
        return true;
    }
}
