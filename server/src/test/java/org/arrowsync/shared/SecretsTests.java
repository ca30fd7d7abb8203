package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SecretsTests {

    @Test
    void masksARememberedValueWhateverCharactersItHolds() {
        String key = "k\"e\ty\n-\u00e9\u043a\u0000-" + System.nanoTime();
        assertThat(Secrets.scrub("before " + key + " after")).contains(key);
        Secrets.remember(key);
        assertThat(Secrets.scrub("before " + key + " after")).isEqualTo("before **** after");
        assertThat(Secrets.scrub("{\"error\":\"" + Secrets.jsonEscaped(key) + "\"}"))
                .isEqualTo("{\"error\":\"****\"}");
        assertThat(Secrets.scrub(null)).isNull();
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        String inner = "inner-" + System.nanoTime();
        String outer = "outer-" + inner + "-outer";
        Secrets.remember(inner);
        Secrets.remember(outer);
        assertThat(Secrets.scrub("x " + outer + " y")).isEqualTo("x **** y");
    }

    @Test
    void valuesTooShortToBeKeysAreNotMasked() {
        Secrets.remember("abc");
        Secrets.remember(null);
        assertThat(Secrets.scrub("abc abc")).isEqualTo("abc abc");
    }

    /** D52: a key holding JSON's own characters is masked inside the strings that hold it, and the JSON stays JSON. */
    @Test
    void aSecretIsMaskedInAJsonTreeWhichStaysJson() {
        String key = "\"synced\":" + System.nanoTime();
        Secrets.remember(key);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode report = json.readTree("{\"synced\":3,\"errors\":[\"Arrow refused key " + Secrets.jsonEscaped(key)
                + "\"],\"" + Secrets.jsonEscaped(key) + "\":true}");

        JsonNode scrubbed = Secrets.scrubJson(report);

        assertThat(json.writeValueAsString(scrubbed))
                .isEqualTo("{\"synced\":3,\"errors\":[\"Arrow refused key ****\"],\"****\":true}");
        assertThat(report.get("errors").get(0).asString())
                .as("the node itself is left as it was")
                .contains(key);
    }

    /** A structured log line is JSON: a key that is also a piece of its syntax is masked only in its strings. */
    @Test
    void aJsonLineIsMaskedInItsStringsNotItsSyntax() {
        long seen = System.nanoTime();
        String key = "\"seen\":" + seen;
        Secrets.remember(key);
        String line = "{\"seen\":" + seen + ",\"message\":\"refused " + Secrets.jsonEscaped(key) + "\"}";

        assertThat(Secrets.scrubJsonText(line)).isEqualTo("{\"seen\":" + seen + ",\"message\":\"refused ****\"}");
        assertThat(Secrets.scrub(line))
                .as("as plain text, the syntax is masked too")
                .startsWith("{****");
    }
}
