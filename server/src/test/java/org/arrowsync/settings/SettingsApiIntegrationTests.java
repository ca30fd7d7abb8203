package org.arrowsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.arrowsync.contract.Contract;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class SettingsApiIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/admin/arrow/settings/";

    @RegisterExtension
    static final Emulator arrow = new Emulator();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    private Map<String, Object> settingsBody(Object... more) {
        Map<String, Object> body =
                new HashMap<>(Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey(), "is_active", false));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private String create(Object... more) {
        Response created = api.post(BASE, settingsBody(more)).expect(201);
        Contract.assertMatches(created);
        return created.text("uuid");
    }

    @Test
    void createsReadsUpdatesAndDeletesSettingsWithThePartnerFromArrow() {
        Response created = api.post(
                        BASE,
                        settingsBody(
                                "export_type_reference",
                                ExportTemplates.ALT_REFERENCE,
                                "invoice_price_source",
                                "buy",
                                "invoice_item_prefix",
                                "Cloud"))
                .expect(201);
        Contract.assertMatches(created);
        JsonNode json = created.json();
        assertThat(json.has("api_key")).isFalse();
        assertThat(json.get("partner_reference").asString()).isNotBlank();
        assertThat(json.get("partner_name").asString()).isNotBlank();
        assertThat(json.get("classification_filter").asString()).isEqualTo("IAAS");
        assertThat(json.get("invoice_price_source").asString()).isEqualTo("buy");
        assertThat(json.get("sync_enabled").asBoolean()).isFalse();
        assertThat(json.get("url").asString()).endsWith(BASE + json.get("uuid").asString() + "/");
        String uuid = json.get("uuid").asString();

        Contract.assertMatches(api.get(BASE + uuid + "/").expect(200));
        Response patched = api.patch(BASE + uuid + "/", Map.of("sync_enabled", true, "invoice_item_prefix", ""))
                .expect(200);
        Contract.assertMatches(patched);
        assertThat(patched.json().get("sync_enabled").asBoolean()).isTrue();
        assertThat(patched.json().get("export_type_reference").asString()).isEqualTo(ExportTemplates.ALT_REFERENCE);

        Response replaced = api.put(
                        BASE + uuid + "/", Map.of("api_url", arrow.apiUrl(), "classification_filter", " SAAS "))
                .expect(200);
        Contract.assertMatches(replaced);
        assertThat(replaced.json().get("classification_filter").asString()).isEqualTo("SAAS");

        Response listed = api.get(BASE + "?sync_enabled=true&is_active=false").expect(200);
        Contract.assertMatches(listed);
        assertThat(listed.json().findValuesAsString("uuid")).contains(uuid);
        assertThat(api.get(BASE + "?sync_enabled=false").json().findValuesAsString("uuid"))
                .doesNotContain(uuid);
        assertThat(listed.header("X-Result-Count")).isNotNull();

        api.delete(BASE + uuid + "/").expect(204);
        api.get(BASE + uuid + "/").expect(404);
    }

    @Test
    void listsNewestFirst() {
        String older = create();
        String newer = create();
        List<String> uuids = api.get(BASE + "?page_size=300").expect(200).json().findValuesAsString("uuid");
        assertThat(uuids).contains(newer, older).containsSubsequence(newer, older);
    }

    @Test
    void refusesBadInputWithFieldErrors() {
        JsonNode missing =
                api.post(BASE, Map.of("api_url", arrow.apiUrl())).expect(400).json();
        assertThat(missing.get("api_key").get(0).asString()).isEqualTo("This field is required.");
        JsonNode bad = api.post(
                        BASE,
                        Map.of(
                                "api_url",
                                "not a url",
                                "api_key",
                                "k",
                                "invoice_price_source",
                                "both",
                                "classification_filter",
                                ""))
                .expect(400)
                .json();
        assertThat(bad.get("api_url").get(0).asString()).isEqualTo("Enter a valid URL.");
        assertThat(bad.get("invoice_price_source").get(0).asString()).isEqualTo("\"both\" is not a valid choice.");
        assertThat(bad.get("classification_filter").get(0).asString()).isEqualTo("This field may not be blank.");
        api.post(BASE, Map.of("api_url", arrow.apiUrl(), "api_key", "k", "is_active", "maybe"))
                .expect(400);
        api.post(BASE, "{not json").expect(400);

        String uuid = create();
        JsonNode emptyKey =
                api.patch(BASE + uuid + "/", Map.of("api_key", "")).expect(400).json();
        assertThat(emptyKey.get("api_key").get(0).asString()).isEqualTo("This field may not be blank.");
        JsonNode noUrl = api.put(BASE + uuid + "/", Map.of("sync_enabled", true))
                .expect(400)
                .json();
        assertThat(noUrl.get("api_url").get(0).asString()).isEqualTo("This field is required.");
        api.get(BASE + "?is_active=perhaps").expect(400);
        api.get(BASE + "not-a-uuid/").expect(404);
    }

    @Test
    void savesSettingsEvenWhenArrowCannotNameThePartner() {
        arrow.fault("{\"family\":\"whoami\",\"kind\":\"500\",\"count\":10}");
        JsonNode json = api.post(BASE, settingsBody()).expect(201).json();
        assertThat(json.get("partner_reference").asString()).isEmpty();
    }

    @Test
    void activatingOneSettingsRecordDeactivatesTheOthers() {
        String first = create("is_active", true);
        String second = create("is_active", true);
        assertThat(api.get(BASE + first + "/").json().get("is_active").asBoolean())
                .isFalse();
        assertThat(activeUuids()).containsExactly(second);

        api.patch(BASE + first + "/", Map.of("is_active", true)).expect(200);
        assertThat(activeUuids()).containsExactly(first);
    }

    @Test
    void twoConcurrentActivationsLeaveExactlyOneActive() throws Exception {
        for (int round = 0; round < 3; round++) {
            String a = create();
            String b = create();
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Response>> patches = new ArrayList<>();
            for (String uuid : List.of(a, b)) {
                patches.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.patch(BASE + uuid + "/", Map.of("is_active", true));
                }));
            }
            for (CompletableFuture<Response> patch : patches) {
                assertThat(patch.get().status()).isEqualTo(200);
            }
            assertThat(activeUuids()).hasSize(1).containsAnyOf(a, b);
        }
    }

    @Test
    void validatesCredentialsAsAnAnswerNotAnError() {
        Response valid = api.post(
                        BASE + "validate_credentials/", Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                .expect(200);
        Contract.assertMatches(valid);
        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(valid.json().get("partner_info").get("company_name").asString())
                .isNotBlank();
        assertThat(valid.json().get("export_types").size()).isEqualTo(8);

        Response wrongKey = api.post(
                        BASE + "validate_credentials/", Map.of("api_url", arrow.apiUrl(), "api_key", "wrong-key-0815"))
                .expect(200);
        Contract.assertMatches(wrongKey);
        assertThat(wrongKey.json().get("valid").asBoolean()).isFalse();
        assertThat(wrongKey.text("error")).isNotBlank();

        arrow.fault("{\"family\":\"whoami\",\"kind\":\"error_body_200\",\"bodyStatus\":401}");
        assertThat(api.post(
                                BASE + "validate_credentials/",
                                Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                        .expect(200)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isFalse();
        api.post(BASE + "validate_credentials/", Map.of("api_url", arrow.apiUrl()))
                .expect(400);
    }

    /**
     * D273: a new active record carries on the active one it displaces, its periodic syncs on or not, not a newer
     * record of the account the operator tried out and never used.
     */
    @Test
    void aNewActiveRecordCarriesOnTheOneItDisplacesNotOneTriedOut() {
        String active = fixture.settings();
        api.patch(BASE + active + "/", Map.of("is_active", true, "sync_enabled", true, "invoice_item_prefix", "Cloud"))
                .expect(200);
        fixture.otherSettingsOfTheSameAccount(Map.of("invoice_item_prefix", "TEST", "invoice_price_source", "buy"));

        Emulator account = fixture.emulator();
        JsonNode successor = api.post(
                        BASE, Map.of("api_url", account.apiUrl(), "api_key", account.apiKey(), "is_active", true))
                .expect(201)
                .json();
        try {
            assertThat(successor.get("invoice_item_prefix").asString()).isEqualTo("Cloud");
            assertThat(successor.get("invoice_price_source").asString()).isEqualTo("sell");
        } finally {
            api.delete(BASE + successor.get("uuid").asString() + "/").expect(204);
        }
    }

    /** A key pasted with the end of its line is the key, as DRF trims a field: Waldur's UI sends it as pasted. */
    @Test
    void aKeyPastedWithSpacesAroundItIsTrimmed() {
        String pasted = " " + arrow.apiKey() + "\n";
        assertThat(api.post(BASE + "validate_credentials/", Map.of("api_url", arrow.apiUrl(), "api_key", pasted))
                        .expect(200)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
        JsonNode created =
                api.post(BASE, settingsBody("api_key", pasted)).expect(201).json();
        assertThat(created.get("partner_reference").asString())
                .as("Arrow named the partner to the key trimmed")
                .isNotBlank();
        String uuid = created.get("uuid").asString();
        api.patch(BASE + uuid + "/", Map.of("api_key", "\t" + arrow.apiKey() + " "))
                .expect(200);
        api.delete(BASE + uuid + "/").expect(204);
    }

    @Test
    void previewsWithoutStoring() {
        Response preview = api.post(
                        BASE + "preview_settings/",
                        Map.of(
                                "api_url",
                                arrow.apiUrl(),
                                "api_key",
                                arrow.apiKey(),
                                "export_type_reference",
                                ExportTemplates.ALT_REFERENCE))
                .expect(200);
        Contract.assertMatches(preview);
        assertThat(preview.text("partner_reference")).isNotBlank();
        assertThat(preview.text("classification_filter")).isEqualTo("IAAS");
        assertThat(preview.json().get("sync_enabled").asBoolean()).isFalse();

        arrow.fault("{\"family\":\"whoami\",\"kind\":\"503\",\"count\":10}");
        Response failed = api.post(
                        BASE + "preview_settings/", Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                .expect(502);
        assertThat(failed.text("error")).isNotBlank();
        api.post(BASE + "preview_settings/", Map.of("api_key", "x")).expect(400);
    }

    @Test
    void isStaffOnly() {
        String user = fixture.userToken();
        api.as(user).get(BASE).expect(403);
        api.as(user).post(BASE, settingsBody()).expect(403);
        api.as(user).post(BASE + "validate_credentials/", Map.of()).expect(403);
        api.anonymous().get(BASE).expect(401);
    }

    private List<String> activeUuids() {
        return api.get(BASE + "?is_active=true&page_size=300")
                .expect(200)
                .json()
                .findValuesAsString("uuid");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
