package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.ServerTimings;
import org.junit.jupiter.api.Test;

/**
 * Every answer the API writes a body for a signed-in caller says how long the server took before it began to write it,
 * and a list how much of that its count, its page and the rows read beside it took (#16).
 */
class ServerTimingIntegrationTests extends IntegrationTest {

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
    void aListSaysHowLongItsCountItsPageAndTheRowsReadBesideItTook() {
        String uuid = api.post("/api/customers/", Map.of("name", "Listed Ltd"))
                .expect(201)
                .text("uuid");

        Map<String, Double> customers = metrics(api.get("/api/customers/").expect(200));
        assertThat(customers).containsOnlyKeys("app", "count", "page");
        assertThat(customers.get("count") + customers.get("page")).isLessThanOrEqualTo(customers.get("app") + 0.1);
        // a page of invoices reads their items beside it; the first page of none (the new customer's) reads no page
        assertThat(metrics(api.get("/api/invoices/?customer_uuid=" + uuid).expect(200)))
                .containsOnlyKeys("app", "count", "related");
        // an object's answer names no list's parts
        assertThat(metrics(api.get("/api/customers/" + uuid + "/").expect(200))).containsOnlyKeys("app");
    }

    @Test
    void anAnonymousCallerIsNotToldHowLongTheServerTook() {
        assertThat(api.anonymous().get("/health").expect(200).header(ServerTiming.HEADER))
                .isNull();
        assertThat(api.anonymous().get("/api/customers/").expect(401).header(ServerTiming.HEADER))
                .isNull();
    }

    private static double appMillis(Response answer) {
        return metrics(answer).get("app");
    }

    /** The answer's {@code Server-Timing} metrics, {@code app} first, in milliseconds. */
    private static Map<String, Double> metrics(Response answer) {
        String header = answer.header(ServerTiming.HEADER);
        assertThat(header).as(answer.path()).isNotNull();
        Map<String, Double> metrics = ServerTimings.parse(header);
        assertThat(metrics.keySet()).as(header).first().isEqualTo("app");
        return metrics;
    }
}
