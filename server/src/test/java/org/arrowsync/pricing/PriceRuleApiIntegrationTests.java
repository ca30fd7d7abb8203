package org.arrowsync.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The price rules resource: Waldur's list conventions, its fields, and every refusal with nothing written. */
class PriceRuleApiIntegrationTests extends IntegrationTest {

    static final String RULES = "/api/admin/arrow/price-rules/";

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;
    String contoso;

    @BeforeEach
    void arrow() {
        settings = fixture.settings();
        fixture.mapAllCustomers();
        contoso = fixture.mapping("XSP700001");
    }

    @Test
    void createsListsChangesAndDeletesRules() {
        Response created = api.post(
                        RULES,
                        rule(Map.of(
                                "customer_mapping",
                                contoso,
                                "arrow_vendor_name",
                                " Microsoft ",
                                "classification",
                                "SAAS",
                                "markup_percent",
                                "-2.5",
                                "note",
                                "loyalty discount")))
                .expect(201);
        JsonNode rule = created.json();
        String uuid = rule.get("uuid").asString();
        assertThat(rule.get("url").asString()).endsWith(RULES + uuid + "/");
        assertThat(rule.get("settings").asString()).isEqualTo(settings);
        assertThat(rule.get("customer_mapping").asString()).isEqualTo(contoso);
        assertThat(rule.get("arrow_vendor_name").asString()).isEqualTo("Microsoft");
        assertThat(rule.get("base").asString()).isEqualTo("buy");
        assertThat(rule.get("markup_percent").asString()).isEqualTo("-2.5000");
        assertThat(rule.get("valid_from").asString()).isEqualTo("2026-01");
        assertThat(rule.get("valid_to").isNull()).isTrue();

        String other = api.post(RULES, rule(Map.of("arrow_vendor_name", "Amazon Web Services")))
                .expect(201)
                .text("uuid");
        Response listed =
                api.get(RULES + "?settings_uuid=" + settings + "&page_size=1").expect(200);
        assertThat(listed.header("X-Result-Count")).isEqualTo("2");
        assertThat(listed.header("Link")).contains("rel=\"next\"");
        assertThat(api.get(RULES + "?customer_mapping_uuid=" + contoso).json().findValuesAsString("uuid"))
                .containsExactly(uuid);
        assertThat(api.get(RULES + "?settings_uuid=" + settings + "&arrow_vendor_name=amazon%20web%20services")
                        .json()
                        .findValuesAsString("uuid"))
                .containsExactly(other);
        assertThat(api.get(RULES + "?settings_uuid=" + settings + "&period=2025-12")
                        .json()
                        .size())
                .isZero();
        assertThat(api.head(RULES + "?settings_uuid=" + settings).header("X-Result-Count"))
                .isEqualTo("2");

        Response patched = api.patch(RULES + uuid + "/", Map.of("valid_to", "2026-12", "classification", ""))
                .expect(200);
        assertThat(patched.text("valid_to")).isEqualTo("2026-12");
        assertThat(patched.json().get("classification").isNull())
                .as("an empty string clears")
                .isTrue();
        assertThat(patched.text("note")).isEqualTo("loyalty discount");
        Response replaced = api.put(RULES + uuid + "/", rule(Map.of("base", "sell", "markup_percent", "7")))
                .expect(200);
        assertThat(replaced.json().get("customer_mapping").isNull()).isTrue();
        assertThat(replaced.text("base")).isEqualTo("sell");

        api.delete(RULES + uuid + "/").expect(204);
        api.get(RULES + uuid + "/").expect(404);
        api.get(RULES + "not-a-uuid/").expect(404);
    }

    /**
     * The fields the API description marks nullable take a null, as a generated client sends them: a rule read is put
     * back as it was read; on PATCH a field left out keeps its value and a null clears it, as DRF's updates do.
     */
    @Test
    void aRuleAsReadIsPutBackWithItsNulls() {
        Map<String, Object> nulls = new HashMap<>();
        for (String field : new String[] {"customer_mapping", "arrow_vendor_name", "classification", "valid_to"}) {
            nulls.put(field, null);
        }
        JsonNode created = api.post(RULES, rule(nulls)).expect(201).json();
        String uuid = created.get("uuid").asString();
        assertThat(created.get("valid_to").isNull()).isTrue();
        assertThat(created.get("customer_mapping").isNull()).isTrue();

        JsonNode replaced = api.put(RULES + uuid + "/", created).expect(200).json();

        assertThat(replaced.get("valid_to").isNull()).isTrue();
        assertThat(replaced.get("arrow_vendor_name").isNull()).isTrue();
        assertThat(replaced.get("markup_percent").asString())
                .isEqualTo(created.get("markup_percent").asString());
        api.patch(RULES + uuid + "/", Map.of("valid_to", "2026-06", "classification", "SAAS"))
                .expect(200);
        Map<String, Object> clear = new HashMap<>();
        clear.put("valid_to", null);
        JsonNode cleared = api.patch(RULES + uuid + "/", clear).expect(200).json();
        assertThat(cleared.get("valid_to").isNull())
                .as("a null on PATCH clears the field")
                .isTrue();
        assertThat(cleared.get("classification").asString())
                .as("a field left out keeps its value")
                .isEqualTo("SAAS");
    }

    @Test
    void twoRulesOfTheSamePrecedenceOverlappingInTimeAreRefusedNamingTheOther() {
        String spring = api.post(
                        RULES,
                        rule(Map.of(
                                "customer_mapping",
                                contoso,
                                "arrow_vendor_name",
                                "Microsoft",
                                "valid_from",
                                "2026-03",
                                "valid_to",
                                "2026-06")))
                .expect(201)
                .text("uuid");
        JsonNode refused = api.post(
                        RULES,
                        rule(Map.of(
                                "customer_mapping",
                                contoso,
                                "arrow_vendor_name",
                                "MICROSOFT",
                                "valid_from",
                                "2026-06")))
                .expect(400)
                .json();
        assertThat(refused.get("conflicting_rule").get(0).asString()).isEqualTo(spring);
        assertThat(refused.get("non_field_errors").get(0).asString())
                .contains(spring)
                .contains("(Microsoft, every classification, one customer, 2026-03 to 2026-06")
                .contains("prices the same lines with the same precedence");

        api.post(
                        RULES,
                        rule(Map.of(
                                "customer_mapping",
                                contoso,
                                "arrow_vendor_name",
                                "Microsoft",
                                "valid_from",
                                "2026-07")))
                .expect(201);
        api.post(
                        RULES,
                        rule(Map.of(
                                "customer_mapping",
                                contoso,
                                "arrow_vendor_name",
                                "Microsoft",
                                "classification",
                                "IAAS",
                                "valid_from",
                                "2026-03")))
                .expect(201); // a more specific rule is no conflict
        String wide = api.post(RULES, rule(Map.of("valid_from", "2026-01", "valid_to", "2026-02")))
                .expect(201)
                .text("uuid");
        api.patch(RULES + wide + "/", Map.of("valid_to", "2026-04")).expect(200);
        assertThat(rules()).isEqualTo(4);
        JsonNode moved = api.patch(RULES + spring + "/", Map.of("valid_to", "", "customer_mapping", contoso))
                .expect(400)
                .json();
        assertThat(moved.get("conflicting_rule").get(0).asString())
                .as("an open end would overlap the rule from 2026-07")
                .isNotEqualTo(spring);
        assertThat(api.get(RULES + spring + "/").text("valid_to")).isEqualTo("2026-06");
    }

    /** The served document says how long each text may be, as the server refuses a longer one. */
    @Test
    void theServedDocumentGivesTheLengthsTheServerKeeps() {
        JsonNode fields = api.anonymous()
                .get("/api/schema/")
                .expect(200)
                .json()
                .at("/components/schemas/PriceRuleRequest/properties");
        assertThat(fields.at("/arrow_vendor_name/maxLength").asInt()).isEqualTo(255);
        assertThat(fields.at("/classification/maxLength").asInt()).isEqualTo(50);
        assertThat(fields.at("/note/maxLength").asInt()).isEqualTo(500);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        String otherSettings = otherSettings();
        try {
            refusesBadInput(otherSettings);
        } finally {
            jdbc.sql("delete from arrow_settings where uuid = ?::uuid")
                    .param(otherSettings)
                    .update();
        }
    }

    private void refusesBadInput(String otherSettings) {
        Map<String, Object> badMapping = rule(Map.of("customer_mapping", "00000000000000000000000000000000"));
        assertThat(api.post(RULES, badMapping)
                        .expect(400)
                        .json()
                        .get("customer_mapping")
                        .get(0)
                        .asString())
                .isEqualTo("Invalid hyperlink - Object does not exist.");
        Map<String, Object> foreign = rule(Map.of("customer_mapping", contoso));
        foreign.put("settings", otherSettings);
        assertThat(api.post(RULES, foreign)
                        .expect(400)
                        .json()
                        .get("customer_mapping")
                        .get(0)
                        .asString())
                .isEqualTo("The customer mapping belongs to other settings.");
        assertThat(api.post(RULES, rule(Map.of("settings", "00000000000000000000000000000000")))
                        .expect(400)
                        .json()
                        .get("settings")
                        .get(0)
                        .asString())
                .isEqualTo("Invalid hyperlink - Object does not exist.");
        JsonNode fields = api.post(
                        RULES,
                        rule(Map.of(
                                "base", "list", "markup_percent", "ten", "valid_from", "2026-13", "valid_to", "May")))
                .expect(400)
                .json();
        assertThat(fields.get("base").get(0).asString()).isEqualTo("\"list\" is not a valid choice.");
        assertThat(fields.get("markup_percent").get(0).asString()).isEqualTo("A valid number is required.");
        assertThat(fields.get("valid_from").get(0).asString()).startsWith("Invalid period format");
        assertThat(fields.get("valid_to").get(0).asString()).startsWith("Invalid period format");
        assertThat(api.post(RULES, rule(Map.of("markup_percent", "-100.5")))
                        .expect(400)
                        .json()
                        .get("markup_percent")
                        .get(0)
                        .asString())
                .isEqualTo("Ensure this value is greater than or equal to -100.");
        assertThat(api.post(RULES, rule(Map.of("markup_percent", "1.23456")))
                        .expect(400)
                        .json()
                        .get("markup_percent")
                        .get(0)
                        .asString())
                .isEqualTo("Ensure that there are no more than 4 decimal places.");
        assertThat(api.post(RULES, rule(Map.of("valid_from", "2026-05", "valid_to", "2026-04")))
                        .expect(400)
                        .json()
                        .get("valid_to")
                        .get(0)
                        .asString())
                .isEqualTo("valid_to must not be before valid_from.");
        JsonNode missing = api.post(RULES, Map.of()).expect(400).json();
        assertThat(missing.properties().stream().map(Map.Entry::getKey))
                .contains("settings", "base", "markup_percent", "valid_from");
        api.post(RULES, "{not json").expect(400);
        assertThat(rules()).isZero();
    }

    /** A markup written with more digits than PostgreSQL's numeric reads, though its value is fine, is its value. */
    @Test
    void aMarkupWrittenWithThousandsOfDecimalsIsReadAsItsValue() {
        Map<String, String> written = Map.of(
                "0E-20000", "0.0000", "5." + "0".repeat(16_384), "5.0000", "-0E-99999", "0.0000", "1.5E+1", "15.0000");
        int vendor = 0;
        for (Map.Entry<String, String> markup : written.entrySet()) {
            JsonNode rule = api.post(
                            RULES,
                            rule(Map.of("markup_percent", markup.getKey(), "arrow_vendor_name", "Vendor " + vendor++)))
                    .expect(201)
                    .json();
            assertThat(rule.get("markup_percent").asString()).isEqualTo(markup.getValue());
        }
    }

    @Test
    void onlyStaffReadOrWriteRules() {
        String user = fixture.userToken();
        api.as(user).get(RULES).expect(403);
        api.as(user).post(RULES, rule(Map.of())).expect(403);
        api.anonymous().get(RULES).expect(401);
        assertThat(rules()).isZero();
    }

    private Map<String, Object> rule(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(
                Map.of("settings", settings, "base", "buy", "markup_percent", "10", "valid_from", "2026-01"));
        body.putAll(fields);
        return body;
    }

    private int rules() {
        return jdbc.sql(
                        "select count(*) from price_rules r join arrow_settings s on s.id = r.settings_id where s.uuid = ?::uuid")
                .param(settings)
                .query(Integer.class)
                .single();
    }

    private String otherSettings() {
        String uuid = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, is_active, created, modified)
                        values (?::uuid, 'http://localhost:1/', 'key', false, now(), now())""").param(uuid).update();
        return uuid.replace("-", "");
    }
}
