package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CustomerApiIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsReadsUpdatesAndDeletesACustomer() {
        Response created = api.post(
                        "/api/customers/", Map.of("name", "Acme Cloud", "abbreviation", "ACME", "country", "EE"))
                .expect(201);
        String uuid = created.text("uuid");
        assertThat(uuid).matches("[0-9a-f]{32}");
        assertThat(created.text("url")).isEqualTo("http://localhost:" + port + "/api/customers/" + uuid + "/");

        api.get("/api/customers/" + uuid + "/").expect(200);
        Response patched = api.patch("/api/customers/" + uuid + "/", Map.of("email", "billing@acme.example"))
                .expect(200);
        assertThat(patched.text("email")).isEqualTo("billing@acme.example");
        assertThat(patched.text("name")).isEqualTo("Acme Cloud");

        api.delete("/api/customers/" + uuid + "/").expect(204);
        api.get("/api/customers/" + uuid + "/").expect(404);
    }

    /** A country saved before countries were checked stays the customer's through its other changes. */
    @Test
    void aCountrySavedBeforeItWasCheckedDoesNotBlockOtherChanges() {
        String uuid = api.post("/api/customers/", Map.of("name", "Old Country Ltd", "country", "EE"))
                .expect(201)
                .text("uuid");
        jdbc.sql("update customers set country = 'de' where uuid = ?::uuid")
                .param(uuid)
                .update();
        Response renamed = api.patch("/api/customers/" + uuid + "/", Map.of("name", "Renamed Ltd"))
                .expect(200);
        assertThat(renamed.text("country")).isEqualTo("de");
        api.patch("/api/customers/" + uuid + "/", Map.of("country", "xx")).expect(400);
    }

    @Test
    void refusesInvalidCustomersWithAFieldMap() {
        Response response = api.post("/api/customers/", Map.of("name", "", "email", "nope", "country", "EST"))
                .expect(400);
        assertThat(response.json().get("name").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(response.json().has("email")).isTrue();
        assertThat(response.json().has("country")).isTrue();
        for (String country : new String[] {"XX", "ee", "-1", "\ud83d\udca5"}) {
            assertThat(api.post("/api/customers/", Map.of("name", "Somewhere Ltd", "country", country))
                            .expect(400)
                            .json()
                            .get("country")
                            .get(0)
                            .asString())
                    .as(country)
                    .isEqualTo("\"" + country + "\" is not a valid choice.");
        }
    }

    @Test
    void aHugeEmailIsRefusedForItsLengthAtOnce() {
        long started = System.nanoTime();
        Response refused = api.post("/api/customers/", Map.of("name", "Long Mail", "email", "a@" + "b.".repeat(20_000)))
                .expect(400);
        assertThat(refused.json().get("email")).hasSize(1);
        assertThat(refused.json().get("email").get(0).asString())
                .isEqualTo("Ensure this field has no more than 75 characters.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
}
