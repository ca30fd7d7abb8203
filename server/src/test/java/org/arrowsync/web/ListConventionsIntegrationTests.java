package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.RawHttp;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListConventionsIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void pagesAListWithCountAndLinkHeaders() {
        String prefix = ArrowFixture.unique("Paged");
        for (int i = 0; i < 25; i++) {
            api.post("/api/customers/", Map.of("name", prefix + " " + i)).expect(201);
        }
        String query = "/api/customers/?name=" + prefix.replace(" ", "%20");

        Response first = api.get(query).expect(200);
        assertThat(first.json().size()).isEqualTo(10);
        assertThat(first.header("X-Result-Count")).isEqualTo("25");
        assertThat(first.header("Link"))
                .contains("page=1&page_size=10>; rel=\"first\"")
                .contains("page=2&page_size=10>; rel=\"next\"")
                .contains("page=3&page_size=10>; rel=\"last\"")
                .doesNotContain("rel=\"prev\"")
                .contains("<http://localhost:" + port + "/api/customers/?");

        Response third = api.get(query + "&page=3").expect(200);
        assertThat(third.json().size()).isEqualTo(5);
        assertThat(third.header("Link"))
                .contains("page=2&page_size=10>; rel=\"prev\"")
                .doesNotContain("rel=\"next\"");

        Response last = api.get(query + "&page=last").expect(200);
        assertThat(last.json().size()).as("page=last, as DRF reads it").isEqualTo(5);
        assertThat(last.header("Link")).contains("page=2&page_size=10>; rel=\"prev\"");
        assertThat(api.get("/api/customers/?name="
                                + ArrowFixture.unique("Nobody").replace(" ", "%20") + "&page=last")
                        .expect(200)
                        .json()
                        .size())
                .isZero();
        api.get(query + "&page=4").expect(404);
        // a number, the largest there is, is not the word for the last page
        api.get(query + "&page=" + Integer.MAX_VALUE).expect(404);
        assertThat(api.get(query + "&page=abc").expect(404).json().get("detail").asString())
                .isEqualTo("Invalid page.");
        assertThat(api.get(query + "&page_size=1000").expect(200).json().size()).isEqualTo(25);
        assertThat(api.get(query + "&page_size=7&page=4").expect(200).json().size())
                .isEqualTo(4);
        // a parameter given twice takes its last value, as Django reads it for Waldur
        assertThat(api.get(query + "&page=1&page=3").expect(200).json().size()).isEqualTo(5);
        assertThat(api.get(query + "&page_size=7&page_size=10&page=3")
                        .expect(200)
                        .json()
                        .size())
                .isEqualTo(5);
        assertThat(api.get("/api/customers/?name=nobody&name=" + prefix.replace(" ", "%20"))
                        .expect(200)
                        .header("X-Result-Count"))
                .isEqualTo("25");
    }

    /**
     * A page is handed to the connection in pieces of 64 KB (D230): one that fits is sent whole, with its length; a
     * larger one in chunks of 64 KB, where Tomcat's own buffer would send 8 KB ones.
     */
    @Test
    void aPageIsWrittenInPiecesOf64Kilobytes() {
        String prefix = ArrowFixture.unique("Buffered");
        String padding = "x".repeat(120);
        for (int i = 0; i < 250; i++) {
            api.post("/api/customers/", Map.of("name", prefix + " " + i + " " + padding))
                    .expect(201);
        }
        String query = "/api/customers/?name=" + prefix.replace(" ", "%20");

        String small = page(query + "&page_size=40");
        String smallBody = small.substring(small.indexOf("\r\n\r\n") + 4);
        assertThat(smallBody.length()).isGreaterThan(8 * 1024).isLessThan(ListingResponses.WRITE_BUFFER_BYTES);
        assertThat(small).contains("Content-Length: " + smallBody.length()).doesNotContain("Transfer-Encoding");

        String large = page(query + "&page_size=250");
        assertThat(large).contains("Transfer-Encoding: chunked");
        String firstChunk = large.substring(large.indexOf("\r\n\r\n") + 4)
                .lines()
                .findFirst()
                .orElseThrow();
        assertThat(Integer.parseInt(firstChunk, 16)).isEqualTo(ListingResponses.WRITE_BUFFER_BYTES);
    }

    private String page(String query) {
        String answer = RawHttp.exchange(port, "GET " + query + " HTTP/1.1", "Authorization: Token " + Api.ADMIN_TOKEN);
        assertThat(answer).startsWith("HTTP/1.1 200");
        return answer;
    }

    /** An object named by its uuid and by its hyperlink must be one: Waldur applies both filters. */
    @Test
    void aUuidFilterAndItsHyperlinkTwinAreBothApplied() {
        String one = fixture.customer();
        String other = fixture.customer();
        fixture.project(one);
        String link = "http://localhost:" + port + "/api/customers/";

        assertThat(api.get("/api/projects/?customer_uuid=" + one + "&customer=" + link + one + "/")
                        .expect(200)
                        .json()
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/projects/?customer_uuid=" + one + "&customer=" + link + other + "/")
                        .expect(200)
                        .json()
                        .size())
                .isZero();
        assertThat(api.get("/api/projects/?customer_uuid=" + one + "&customer=not-a-link")
                        .expect(400)
                        .json()
                        .has("customer"))
                .isTrue();
    }

    @Test
    void headOnAListGivesTheCountAndNoBody() {
        String name = ArrowFixture.unique("Head");
        fixture.customer(name);
        Response head =
                api.head("/api/customers/?name=" + name.replace(" ", "%20")).expect(200);
        assertThat(head.header("X-Result-Count")).isEqualTo("1");
        assertThat(head.body()).isEmpty();
    }

    /**
     * Django's {@code APPEND_SLASH}: a read without the trailing slash is sent to the path with it when that path is
     * served (an object's, an action's too), a write is not, and a path nothing serves is a 404 at once.
     */
    @Test
    void aReadWithoutItsTrailingSlashIsSentToThePathWithIt() {
        Response list = api.get("/api/admin/arrow/settings?page_size=5").expect(301);
        assertThat(list.header("Location")).isEqualTo("/api/admin/arrow/settings/?page_size=5");
        assertThat(api.head("/api/customers").expect(301).header("Location")).isEqualTo("/api/customers/");
        api.post("/api/admin/arrow/settings", Map.of()).expect(404);
        api.get(list.header("Location")).expect(200);
        String settings =
                "/api/admin/arrow/settings/" + UUID.randomUUID().toString().replace("-", "");
        assertThat(api.get(settings).expect(301).header("Location")).isEqualTo(settings + "/");
        assertThat(api.get("/api/admin/arrow/billing-syncs/trigger_sync")
                        .expect(301)
                        .header("Location"))
                .isEqualTo("/api/admin/arrow/billing-syncs/trigger_sync/");
        assertThat(api.get("/api/admin/arrow/no-such-list")
                        .expect(404)
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Not found.");
        api.head("/api/nothing/here").expect(404);
        assertThat(api.get("/api/docs").expect(301).header("Location")).isEqualTo("/api/docs/");
    }

    @Test
    void pageSizeIsCappedAtThreeHundred() {
        Response response = api.get("/api/users/?page_size=100000").expect(200);
        assertThat(response.header("Link")).contains("page_size=300");
    }

    @Test
    void anEmptyListIsAnEmptyArrayOnPageOne() {
        Response response = api.get(
                        "/api/customers/?name=" + ArrowFixture.unique("Nobody").replace(" ", "%20"))
                .expect(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json().size()).isZero();
        assertThat(response.header("X-Result-Count")).isEqualTo("0");
    }

    @Test
    void unknownFiltersAreIgnoredAndBadFilterValuesAreNamed() {
        api.get("/api/customers/?no_such_filter=1").expect(200);
        Response badUuid = api.get("/api/projects/?customer_uuid=not-a-uuid").expect(400);
        assertThat(badUuid.json().get("customer_uuid").get(0).asString()).contains("UUID");
        Response badYear = api.get("/api/invoices/?year=twenty").expect(400);
        assertThat(badYear.json().has("year")).isTrue();
    }
}
