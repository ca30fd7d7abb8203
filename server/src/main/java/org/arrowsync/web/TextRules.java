package org.arrowsync.web;

/**
 * Characters no text the API takes may hold, in Django REST framework's wording: NUL (PostgreSQL stores none), other
 * control characters (line breaks and tabs are text in a body, never in a query parameter) and halves of surrogate
 * pairs (no valid UTF-8 exists for them).
 */
final class TextRules {

    private TextRules() {}

    /** Why {@code text} is refused, or null when it is fine. */
    static String problem(String text, boolean lineBreaksAllowed) {
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
}
