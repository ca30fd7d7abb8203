package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request body's booleans, integers and text are taken as Waldur takes them and no looser: a value Waldur refuses is
 * a 400 naming its field, and nothing is done.
 */
class WireScalarsIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBooleanIsTrueFalseOneZeroOrOneOfTheirWordsAndNothingElse() {
        for (String value : List.of(
                "2",
                "-1",
                "99999999999999999999",
                "\"\"",
                "\"maybe\"",
                "1.0",
                "{}",
                "[true]",
                "\"false\\n\"",
                "\" false\"",
                "\"FaLsE\"",
                "\"0 \"")) {
            String username = ArrowFixture.unique("flag").replace(" ", "-");
            Response refused = api.post(
                            "/api/users/", "{\"username\": \"" + username + "\", \"is_staff\": " + value + "}")
                    .expect(400);
            assertThat(refused.json().get("is_staff").get(0).asString())
                    .as(value)
                    .isEqualTo("Must be a valid boolean.");
            assertThat(users(username)).as(value).isZero();
        }
        Map<String, Boolean> taken = Map.of(
                "1",
                true,
                "0",
                false,
                "\"yes\"",
                true,
                "\"False\"",
                false,
                "true",
                true,
                "\"f\"",
                false,
                "\"N\"",
                false,
                "\"ON\"",
                true);
        taken.forEach((value, staff) -> {
            String username = ArrowFixture.unique("flag").replace(" ", "-");
            Response created = api.post(
                            "/api/users/", "{\"username\": \"" + username + "\", \"is_staff\": " + value + "}")
                    .expect(201);
            assertThat(created.json().get("is_staff").asBoolean()).as(value).isEqualTo(staff);
        });
    }

    @Test
    void anIntegerWithAFractionIsRefusedNotCutToTheMonthBefore() {
        long jobs = jobs();
        Response refused = api.post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        "{\"year\": 2026, \"month\": 1.5, \"settings_uuid\": \"" + fixture.settings() + "\"}")
                .expect(400);
        assertThat(refused.json().get("month").get(0).asString()).isEqualTo("A valid integer is required.");
        assertThat(jobs()).isEqualTo(jobs);
    }

    @Test
    void anIntegerPastItsRangeIsItsFieldsErrorNotABrokenBody() {
        long jobs = jobs();
        Response refused = api.post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        "{\"year\": 2147483648, \"month\": 1, \"settings_uuid\": \"" + fixture.settings() + "\"}")
                .expect(400);
        assertThat(refused.json().get("year").get(0).asString()).isEqualTo("A valid integer is required.");
        assertThat(jobs()).isEqualTo(jobs);
    }

    @Test
    void textIsNoBoolean() {
        String name = ArrowFixture.unique("customer");
        Response refused = api.post("/api/customers/", "{\"name\": true, \"abbreviation\": \"" + name + "\"}")
                .expect(400);
        assertThat(refused.json().has("name")).isTrue();
        assertThat(jdbc.sql("select count(*) from customers where abbreviation = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long users(String username) {
        return jdbc.sql("select count(*) from users where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    private long jobs() {
        return jdbc.sql("select count(*) from arrow_jobs").query(Long.class).single();
    }
}
