package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrowConnectionTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://xsp.arrow.com/index.php/api, https://xsp.arrow.com/index.php/api/",
        "https://xsp.arrow.com/index.php/api/, https://xsp.arrow.com/index.php/api/",
        "http://127.0.0.1:8080, http://127.0.0.1:8080/",
    })
    void baseUrlAlwaysEndsWithASlash(String given, String expected) {
        ArrowConnection connection = ArrowConnection.of(given, "key");
        assertThat(connection.apiUrl()).isEqualTo(URI.create(expected));
        assertThat(connection.resolve("whoami")).isEqualTo(URI.create(expected + "whoami"));
    }

    @ParameterizedTest(name = "key [{0}] is masked")
    @CsvSource({"abc", "0123456789abcdef0123456789abcdef", "'with space'"})
    void toStringMasksTheKey(String key) {
        String text =
                ArrowConnection.of("https://xsp.arrow.com/index.php/api/", key).toString();
        assertThat(text)
                .doesNotContain(key)
                .isEqualTo("ArrowConnection[apiUrl=https://xsp.arrow.com/index.php/api/, apiKey=****]");
    }

    @Test
    void refusesABlankKey() {
        assertThatThrownBy(() -> ArrowConnection.of("https://x/", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionsWithTheSameUrlAndKeyAreEqualWhateverTheTrailingSlash() {
        assertThat(ArrowConnection.of("https://x/api", "k"))
                .isEqualTo(ArrowConnection.of("https://x/api/", "k"))
                .isNotEqualTo(ArrowConnection.of("https://x/api/", "other"));
    }

    @Test
    void aBaseUrlIsAbsoluteHttpWithAHostAndAPortInRange() {
        for (String valid : List.of(
                "https://xsp.arrow.com/index.php/api/", "HTTP://127.0.0.1:8080/api", "https://xsp.arrow.com:65535/")) {
            assertThat(ArrowConnection.webUrl(valid)).as(valid).isPresent();
        }
        for (String invalid : List.of(
                "https://xsp.arrow.com:65536/",
                "https://xsp.arrow.com:0/",
                "https://xsp.arrow.com:99999999999/",
                "https://xsp.arrow.com:abc/",
                "https://arrow.example@evil.example/",
                "https://xsp.arrow.com/api?x=1",
                "https://xsp.arrow.com/api#top",
                "ftp://xsp.arrow.com/",
                "xsp.arrow.com/api",
                "https:///api",
                "https://xsp arrow.com/",
                "https://xsp.arrow.com/\r\nX-Evil: 1",
                "https://xsp.arrow.com/\u0000")) {
            assertThat(ArrowConnection.webUrl(invalid)).as(invalid).isEmpty();
        }
    }

    @Test
    void aKeyIsSendableWhenItIsVisibleAscii() {
        assertThat(ArrowConnection.isSendableKey("abcDEF-123_456.789~!$")).isTrue();
        for (String unsendable : List.of("with space", "tab\there", "line\nbreak", "nul\u0000", "clé", "ключ", "")) {
            assertThat(ArrowConnection.isSendableKey(unsendable)).as(unsendable).isFalse();
        }
    }
}
