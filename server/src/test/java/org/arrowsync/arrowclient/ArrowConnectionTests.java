package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
}
