package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;

/**
 * Every answer the API writes a body for a signed-in caller says how long the server took before it began to write it
 * (#16).
 */
class ServerTimingIntegrationTests extends IntegrationTest {

    private static final Pattern APP = Pattern.compile("app;dur=(\\d+\\.\\d)");

    @Test
    void aListAnObjectAndARefusalSayHowLongTheServerTookBeforeWritingThem() {
        long start = System.nanoTime();
        Response list = api.get("/api/customers/").expect(200);
        double clientMillis = (System.nanoTime() - start) / 1e6;

        assertThat(appMillis(list)).isBetween(0.0, clientMillis);
        Response created =
                api.post("/api/customers/", Map.of("name", "Timed Ltd")).expect(201);
        assertThat(appMillis(created)).isNotNegative();
        assertThat(appMillis(
                        api.get("/api/customers/" + created.text("uuid") + "/").expect(200)))
                .isNotNegative();
        assertThat(appMillis(api.get("/api/invoices/" + UUID.randomUUID() + "/").expect(404)))
                .isNotNegative();
        assertThat(appMillis(api.get("/api/invoices/?state=abc").expect(400))).isNotNegative();
    }

    @Test
    void anAnonymousCallerIsNotToldHowLongTheServerTook() {
        assertThat(api.anonymous().get("/health").expect(200).header(ServerTiming.HEADER))
                .isNull();
        assertThat(api.anonymous().get("/api/customers/").expect(401).header(ServerTiming.HEADER))
                .isNull();
    }

    private static double appMillis(Response answer) {
        String header = answer.header(ServerTiming.HEADER);
        assertThat(header).as(answer.path()).isNotNull();
        Matcher matcher = APP.matcher(header);
        assertThat(matcher.matches()).as(header).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
