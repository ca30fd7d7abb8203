package org.arrowsync.shared;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The secret values this server holds (the stored Arrow API keys), so that text on its way out (an error message, a job
 * record, a log line) is scrubbed by value, whatever characters a secret holds: a pattern cannot know what an API key
 * looks like, the value can. The set is process-wide because the log layout, which Spring does not create, needs it
 * too; it only grows, and keeping a replaced key masked costs nothing.
 */
public final class Secrets {

    public static final String MASK = "****";
    /** Shorter values would mask ordinary words; no key the server accepts is this short. */
    static final int SHORTEST = 6;

    private static final Set<String> known = new HashSet<>();
    /** Longest first, so that a secret containing another is masked whole. */
    private static volatile List<String> masked = List.of();
    /** The secrets as JSON's strings hold them, longest first: what {@link #scrubJsonText} masks. */
    private static volatile List<String> maskedInJson = List.of();

    private Secrets() {}

    /** From now on {@code secret}, as it is and as JSON writes it, is masked wherever {@link #scrub} runs. */
    public static void remember(String secret) {
        if (secret == null || secret.length() < SHORTEST || masked.contains(secret)) {
            return;
        }
        synchronized (known) {
            String escaped = jsonEscaped(secret);
            if (known.add(secret) | known.add(escaped)) {
                masked = longestFirst(known.stream());
                maskedInJson = longestFirst(Stream.concat(maskedInJson.stream(), Stream.of(escaped)));
            }
        }
    }

    private static List<String> longestFirst(Stream<String> secrets) {
        return secrets.distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** {@code text} with every remembered secret replaced by {@link #MASK}; null stays null. */
    public static String scrub(String text) {
        return scrub(text, masked);
    }

    /**
     * {@link #scrub}, but for the secrets the reader {@code sent} itself, which an answer to its request may repeat:
     * masked there, they would tell a sender guessing at secrets that it guessed one (D272). {@code sent} is only asked
     * about the secrets the text holds.
     */
    public static String scrub(String text, Predicate<String> sent) {
        return text == null
                ? null
                : scrub(
                        text,
                        masked.stream()
                                .filter(secret -> text.contains(secret) && !sent.test(secret))
                                .toList());
    }

    /**
     * JSON text (a structured log line) with every remembered secret masked where its strings hold it: only as JSON
     * escapes it, for a secret's raw form holding a quote can only be the text's own syntax there.
     */
    public static String scrubJsonText(String json) {
        return scrub(json, maskedInJson);
    }

    private static String scrub(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            if (scrubbed.contains(secret)) {
                scrubbed = scrubbed.replace(secret, MASK);
            }
        }
        return scrubbed;
    }

    /**
     * A copy of {@code node} with every remembered secret masked in its strings and field names: masked in JSON's text
     * instead, a secret holding JSON's own characters (a quote, a colon) would leave the text no longer JSON.
     */
    public static JsonNode scrubJson(JsonNode node) {
        return JsonTexts.rewritten(node, Secrets::scrub, name -> false);
    }

    /** The secret as a JSON string holds it (quotes, backslashes and control characters escaped). */
    static String jsonEscaped(String secret) {
        StringBuilder out = new StringBuilder(secret.length() + 8);
        secret.chars().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }
}
