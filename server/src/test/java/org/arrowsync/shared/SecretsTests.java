package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
