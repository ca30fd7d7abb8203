package org.arrowsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.contract.Contract;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class VendorOfferingMappingApiIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/admin/arrow/vendor-offering-mappings/";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    private String settings;

    @BeforeEach
    void activeSettings() {
        settings = fixture.activeSettings();
    }

    private Map<String, Object> body(String vendor, String offering, String plan) {
        Map<String, Object> body =
                new HashMap<>(Map.of("settings", settings, "arrow_vendor_name", vendor, "offering", offering));
        if (plan != null) {
            body.put("plan", plan);
        }
        return body;
    }

    /** A new offering and the uuid of its first plan. */
    private record OfferingWithPlan(String uuid, String plan) {}

    private OfferingWithPlan offeringWithPlan() {
        JsonNode offering = fixture.offering().json();
        return new OfferingWithPlan(
                offering.get("uuid").asString(),
                offering.get("plans").get(0).get("uuid").asString());
    }

    @Test
    void createsListsUpdatesAndDeletesVendorMappings() {
        OfferingWithPlan offering = offeringWithPlan();
        String offeringUuid = offering.uuid();
        String plan = offering.plan();
        String vendor = ArrowFixture.unique("Microsoft");
        Response created = api.post(BASE, body(vendor, offeringUuid, plan)).expect(201);
        Contract.assertMatches(created);
        assertThat(created.text("plan_uuid")).isEqualTo(plan);
        String uuid = created.text("uuid");

        Response one = api.get(BASE + uuid + "/").expect(200);
        Contract.assertMatches(one);
        Response listed = api.get(BASE + "?settings_uuid=" + settings + "&offering_uuid=" + offeringUuid
                        + "&arrow_vendor_name=" + vendor.substring(10) + "&is_active=true")
                .expect(200);
        Contract.assertMatches(listed);
        assertThat(listed.json().findValuesAsString("uuid")).containsExactly(uuid);
        assertThat(api.get(BASE + "?settings=" + one.text("settings")).json().findValuesAsString("uuid"))
                .contains(uuid);

        String otherOffering = fixture.offering().text("uuid");
        Response replaced = api.put(
                        BASE + uuid + "/",
                        Map.of(
                                "settings",
                                one.text("settings"),
                                "arrow_vendor_name",
                                vendor,
                                "offering",
                                otherOffering))
                .expect(200);
        Contract.assertMatches(replaced);
        assertThat(replaced.json().get("plan").isNull()).isTrue();
        Response patched =
                api.patch(BASE + uuid + "/", Map.of("is_active", false)).expect(200);
        Contract.assertMatches(patched);
        assertThat(patched.text("offering_uuid")).isEqualTo(otherOffering);

        api.delete(BASE + uuid + "/").expect(204);
        api.get(BASE + uuid + "/").expect(404);
    }

    /** The vendor name is trimmed as DRF trims a text field: one with spaces is the same vendor, and still matches. */
    @Test
    void aVendorNameIsTrimmed() {
        JsonNode offering = fixture.offering().json();
        String vendor = ArrowFixture.unique("Cisco");
        Response created = api.post(
                        BASE, body(" " + vendor + " ", offering.get("uuid").asString(), null))
                .expect(201);
        assertThat(created.text("arrow_vendor_name")).isEqualTo(vendor);

        JsonNode duplicate = api.post(BASE, body(vendor, offering.get("uuid").asString(), null))
                .expect(400)
                .json();
        assertThat(duplicate.toString()).contains("must make a unique set");
        assertThat(api.post(
                                BASE,
                                body(
                                        vendor.toUpperCase(Locale.ROOT),
                                        offering.get("uuid").asString(),
                                        null))
                        .expect(400)
                        .json()
                        .toString())
                .as("the same vendor in another case, as price rules and the resource sync compare it")
                .contains("must make a unique set");

        api.patch(BASE + created.text("uuid") + "/", Map.of("arrow_vendor_name", vendor + "  "))
                .expect(200);
        assertThat(api.get(BASE + created.text("uuid") + "/").expect(200).text("arrow_vendor_name"))
                .isEqualTo(vendor);
    }

    @Test
    void aPatchWithoutAPlanKeepsItAndOneWithANullPlanClearsIt() {
        JsonNode offering = fixture.offering().json();
        String plan = offering.get("plans").get(0).get("uuid").asString();
        String uuid = api.post(
                        BASE,
                        body(ArrowFixture.unique("Google"), offering.get("uuid").asString(), plan))
                .expect(201)
                .text("uuid");

        api.patch(BASE + uuid + "/", Map.of("is_active", true)).expect(200);
        assertThat(api.get(BASE + uuid + "/").expect(200).text("plan_uuid")).isEqualTo(plan);

        Map<String, Object> clear = new HashMap<>();
        clear.put("plan", null);
        Response cleared = api.patch(BASE + uuid + "/", clear).expect(200);
        Contract.assertMatches(cleared);
        assertThat(cleared.json().get("plan").isNull()).isTrue();
        assertThat(api.get(BASE + uuid + "/")
                        .expect(200)
                        .json()
                        .get("plan_uuid")
                        .isNull())
                .isTrue();

        api.patch(BASE + uuid + "/", Map.of("plan", 5)).expect(400);
    }

    @Test
    void aPutKeepsTheOptionalFieldsItLeavesOutAndAPlanOnlyWithItsOffering() {
        OfferingWithPlan offering = offeringWithPlan();
        String vendor = ArrowFixture.unique("Adobe");
        String uuid = api.post(BASE, body(vendor, offering.uuid(), offering.plan()))
                .expect(201)
                .text("uuid");
        api.patch(BASE + uuid + "/", Map.of("is_active", false)).expect(200);

        Response kept =
                api.put(BASE + uuid + "/", body(vendor, offering.uuid(), null)).expect(200);
        Contract.assertMatches(kept);
        assertThat(kept.text("plan_uuid")).isEqualTo(offering.plan());
        assertThat(kept.json().get("is_active").asBoolean()).isFalse();

        // another offering: the plan of the one replaced goes with it
        String otherOffering = fixture.offering().text("uuid");
        Response moved =
                api.patch(BASE + uuid + "/", Map.of("offering", otherOffering)).expect(200);
        assertThat(moved.json().get("plan").isNull()).isTrue();
        assertThat(moved.json().get("is_active").asBoolean()).isFalse();
        api.put(BASE + uuid + "/", Map.of("settings", settings, "offering", offering.uuid()))
                .expect(400);
        assertThat(api.patch(BASE + uuid + "/", null).expect(200).text("offering_uuid"))
                .isEqualTo(otherOffering);
    }

    /** DRF: a field the contract does not let be null is refused when sent as null, on PATCH as on PUT and POST. */
    @Test
    void aNullWhereTheContractAllowsNoneIsRefusedAndChangesNothing() {
        JsonNode offering = fixture.offering().json();
        String vendor = ArrowFixture.unique("Oracle");
        String uuid = api.post(BASE, body(vendor, offering.get("uuid").asString(), null))
                .expect(201)
                .text("uuid");
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("arrow_vendor_name", null);
        nulls.put("settings", null);
        nulls.put("is_active", null);

        JsonNode refused = api.patch(BASE + uuid + "/", nulls).expect(400).json();

        assertThat(refused.get("arrow_vendor_name").get(0).asString()).isEqualTo("This field may not be null.");
        assertThat(refused.get("settings").get(0).asString()).isEqualTo("This field may not be null.");
        assertThat(refused.get("is_active").get(0).asString())
                .as("an optional boolean's too (D183)")
                .isEqualTo("This field may not be null.");
        assertThat(api.get(BASE + uuid + "/").expect(200).text("arrow_vendor_name"))
                .isEqualTo(vendor);
    }

    @Test
    void aPlanMustBelongToTheOfferingOnCreateAndOnUpdate() {
        String offering = fixture.offering().text("uuid");
        String foreignPlan =
                fixture.offering().json().get("plans").get(0).get("uuid").asString();
        JsonNode refused = api.post(BASE, body(ArrowFixture.unique("AWS"), offering, foreignPlan))
                .expect(400)
                .json();
        assertThat(refused.get("plan").get(0).asString()).isEqualTo("Plan must belong to the selected offering.");

        String uuid = api.post(BASE, body(ArrowFixture.unique("AWS"), offering, null))
                .expect(201)
                .text("uuid");
        api.patch(BASE + uuid + "/", Map.of("plan", foreignPlan)).expect(400);

        JsonNode unknown = api.post(
                        BASE,
                        body(
                                ArrowFixture.unique("AWS"),
                                offering,
                                UUID.randomUUID().toString()))
                .expect(400)
                .json();
        assertThat(unknown.get("plan").get(0).asString())
                .as("a plan that names nothing is DRF's related field error, not another offering's")
                .isEqualTo("Invalid hyperlink - Object does not exist.");
    }

    @Test
    void refusesDuplicatesBadInputAndNonStaff() {
        String offering = fixture.offering().text("uuid");
        String vendor = ArrowFixture.unique("Google");
        api.post(BASE, body(vendor, offering, null)).expect(201);
        assertThat(api.post(BASE, body(vendor, offering, null))
                        .expect(400)
                        .json()
                        .get("non_field_errors")
                        .get(0)
                        .asString())
                .contains("unique");
        JsonNode missing = api.post(BASE, Map.of()).expect(400).json();
        assertThat(missing.has("settings") && missing.has("arrow_vendor_name") && missing.has("offering"))
                .isTrue();
        api.post(BASE, body("X", "00000000000000000000000000000000", null)).expect(400);
        api.post(BASE, body("X", "not-a-uuid", null)).expect(400);
        api.get(BASE + "?offering_uuid=bad").expect(400);
        api.as(fixture.userToken()).get(BASE).expect(403);
        api.as(fixture.userToken()).get(BASE + "vendor_choices/").expect(403);
        assertThat(api.get(BASE + "vendor_choices/?settings_uuid=nope")
                        .expect(400)
                        .json()
                        .get("settings_uuid")
                        .get(0)
                        .asString())
                .as("checked even while the catalog answers")
                .isEqualTo("Must be a valid UUID.");
    }

    @Test
    void vendorChoicesComeFromTheArrowCatalogAndFallBackToNothingWhenArrowFails() {
        Response choices = api.get(BASE + "vendor_choices/").expect(200);
        Contract.assertMatches(choices);
        assertThat(choices.json().size()).isPositive();
        assertThat(choices.json().get(0).get("value").asString())
                .isEqualTo(choices.json().get(0).get("label").asString());
        assertThat(choices.header("X-Result-Count"))
                .as("every choice on one page, counted as a Waldur list is")
                .isEqualTo(Integer.toString(choices.json().size()));

        fixture.emulator().fault("{\"family\":\"catalog\",\"kind\":\"500\",\"count\":5}");
        Response fallback = api.get(BASE + "vendor_choices/").expect(200);
        assertThat(fallback.json().size()).isZero();
    }
}
