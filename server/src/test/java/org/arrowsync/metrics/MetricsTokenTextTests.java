package org.arrowsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scrape token never shows in the text of the properties that carry it, should they be logged. */
class MetricsTokenTextTests {

    @Test
    void thePropertiesHideTheToken() {
        String token = "a-scrape-token-0123456789";

        assertThat(new MetricsProperties(token).toString())
                .doesNotContain(token)
                .contains("****");
        assertThat(new MetricsProperties(null).toString()).contains("none");
    }
}
