package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RawJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theBytesAreWrittenAsTheyCameInEveryPlaceAndEveryKindOfGenerator() {
        String text = "{\"name\": \"Zürich — 東京 😀\", \"amount\": \"1.50\",  \"nested\": [1, {\"x\": null}]}";
        RawJson raw = RawJson.utf8(text.getBytes(StandardCharsets.UTF_8));
        // long enough that a generator's buffer cannot take it whole
        RawJson large = RawJson.utf8(("[" + "\"é\",".repeat(20_000) + "0]").getBytes(StandardCharsets.UTF_8));

        Object value = Map.of("details", raw, "many", List.of(raw, large, raw));
        String expected = JSON.writeValueAsString(Map.of(
                "details",
                JSON.readTree(text),
                "many",
                List.of(JSON.readTree(text), JSON.readTree(large.text()), JSON.readTree(text))));

        assertThat(JSON.readTree(JSON.writeValueAsString(value))).isEqualTo(JSON.readTree(expected));
        assertThat(JSON.readTree(JSON.writeValueAsBytes(value))).isEqualTo(JSON.readTree(expected));
        assertThat(new String(JSON.writeValueAsBytes(List.of(raw)), StandardCharsets.UTF_8))
                .isEqualTo("[" + text + "]");
        assertThat(JSON.writeValueAsString(List.of(raw))).isEqualTo("[" + text + "]");
        assertThat(raw.text()).isEqualTo(text);
        assertThat(raw).isEqualTo(RawJson.utf8(text.getBytes(StandardCharsets.UTF_8)));
    }
}
