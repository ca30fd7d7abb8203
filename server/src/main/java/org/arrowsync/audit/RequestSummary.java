package org.arrowsync.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.shared.JsonTexts;
import org.arrowsync.shared.KeptBody;
import org.arrowsync.shared.Secrets;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a request asked for, fit for the audit log: method, path, parameters and JSON body, with the value of every
 * field whose name says it holds a secret (API keys, tokens, passwords, signing secrets) masked, at any depth. A body
 * that is not JSON is described, never copied, as it could hold anything.
 */
final class RequestSummary {

    /** Names of fields that hold secrets: {@code api_key}, {@code token}, {@code password}, {@code _csrf}, … */
    private static final Pattern SECRET =
            Pattern.compile("key|token|password|passwd|secret|authorization|credential|signature|csrf");

    /** The password of a URL's user info: {@code https://user:PASSWORD@host/}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/?#@\\s:]*:)[^/?#@\\s]*@");

    /** A URL's query parameter, {@code ?name=value}: its value is masked when its name says it holds a secret. */
    private static final Pattern URL_PARAMETER = Pattern.compile("([?&][^=&#\\s]*=)([^&#\\s]*)");

    /** A parameter name as forms and query strings write them: {@code page_size}, {@code items[0].name}. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,100}");

    /** The most of one text (a field's value, a JSON string) the log keeps. */
    static final int KEPT_CHARACTERS = 1000;

    private RequestSummary() {}

    /** The summary of a request; its body is read only as far as the audit kept it ({@link KeptBody}). */
    static JsonNode of(HttpServletRequest request, JsonMapper json) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("method", request.getMethod());
        summary.put("path", request.getRequestURI());
        Map<String, String[]> parameters = request.getParameterMap();
        if (!parameters.isEmpty()) {
            ObjectNode named = summary.putObject("parameters");
            parameters.forEach((name, values) -> {
                ArrayNode list = named.putArray(shownName(name, named.size()));
                for (String value : values) {
                    list.add(isSecret(name) ? Secrets.MASK : storable(value));
                }
            });
        }
        KeptBody body = KeptBody.of(request);
        if (body.length() > 0 && !isForm(request)) {
            summary.set("body", body.json(json).map(RequestSummary::masked).orElseGet(() -> described(body, request)));
        }
        return summary;
    }

    /**
     * A parameter's name as the log shows it: a plain name as it came, anything else (a JSON body sent as a form makes
     * its whole text a name, secrets included) described, never copied.
     */
    private static String shownName(String name, int position) {
        return PLAIN_NAME.matcher(name).matches()
                ? name
                : "(parameter " + (position + 1) + ": a name of " + name.length() + " characters, not shown)";
    }

    static boolean isSecret(String name) {
        return SECRET.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * The node with every secret field's value masked, every stored secret masked wherever else it stands (D52), and
     * every NUL replaced (U+FFFD): PostgreSQL's jsonb holds none, and a request refused for one is recorded all the
     * same.
     */
    static JsonNode masked(JsonNode node) {
        return JsonTexts.rewritten(node, RequestSummary::storable, RequestSummary::isSecret);
    }

    /**
     * Text as the audit log may keep it: no stored secret, no secret a URL carries, no NUL, and no more than
     * {@link #KEPT_CHARACTERS} of it, so that a request that sends a megabyte in a field does not store it.
     */
    private static String storable(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = Secrets.scrub(text).replace('\0', '\uFFFD');
        if (scrubbed.contains("://") || scrubbed.contains("=")) {
            String withoutPassword = URL_PASSWORD.matcher(scrubbed).replaceAll("$1" + Secrets.MASK + "@");
            scrubbed = URL_PARAMETER
                    .matcher(withoutPassword)
                    .replaceAll(parameter -> isSecret(parameter.group(1))
                            ? Matcher.quoteReplacement(parameter.group(1) + Secrets.MASK)
                            : Matcher.quoteReplacement(parameter.group()));
        }
        if (scrubbed.length() <= KEPT_CHARACTERS) {
            return scrubbed;
        }
        // a cut between the two halves of a pair would leave half a character, which no text may hold
        int cut =
                Character.isHighSurrogate(scrubbed.charAt(KEPT_CHARACTERS - 1)) ? KEPT_CHARACTERS - 1 : KEPT_CHARACTERS;
        return scrubbed.substring(0, cut) + "… (" + scrubbed.length() + " characters in all)";
    }

    private static JsonNode described(KeptBody body, HttpServletRequest request) {
        String type = request.getContentType();
        return JsonNodeFactory.instance.stringNode(
                "(" + body.length() + " bytes" + (type == null ? "" : " of " + type) + ", not read as JSON)");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }
}
