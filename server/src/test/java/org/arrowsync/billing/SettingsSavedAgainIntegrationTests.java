package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * D248: the operator saves the setup wizard again for the same Arrow account. The new record maps the vendors the one
 * it replaces mapped, so its resource sync goes on creating their licenses, and once its sync takes the old record's
 * months over (D123) each record's months show the vendors of the lines it holds: the vendors still unmapped are named
 * on the new record's month, not on the old one's.
 */
class SettingsSavedAgainIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    BillingMonths months;

    @Autowired
    SettingsService settingsService;

    @Test
    void theNewRecordMapsTheVendorsAndShowsTheVendorsOfTheMonthsItTakesOver() {
        String old = fixture.activeSettings();
        Map<String, String> customers = fixture.mapAllCustomers();
        JsonNode offering = fixture.offering().json();
        api.post(
                        "/api/admin/arrow/vendor-offering-mappings/",
                        Map.of(
                                "settings",
                                old,
                                "arrow_vendor_name",
                                "Microsoft",
                                "offering",
                                offering.get("uuid").asString(),
                                "plan",
                                offering.get("plans").get(0).get("uuid").asString()))
                .expect(201);
        fixture.syncedBilling(MONTH);
        List<String> unmappedBefore = unmappedVendors(old);
        assertThat(unmappedBefore).isNotEmpty().doesNotContain("Microsoft");

        JsonNode saved = fixture.saveSettingsAgain(customers);
        String successor = saved.get("settings_uuid").asString();

        assertThat(saved.get("message").asString()).contains("1 vendor mapping");
        JsonNode vendors = api.get("/api/admin/arrow/vendor-offering-mappings/?settings_uuid=" + successor)
                .expect(200)
                .json();
        assertThat(vendors.findValuesAsString("arrow_vendor_name")).containsExactly("Microsoft");
        assertThat(vendors.get(0).get("is_active").asBoolean()).isTrue();

        JsonNode job = fixture.run("trigger_sync", fixture.period(MONTH, successor));
        assertThat(job.get("progress").get("syncs_adopted").asInt())
                .as(job.toString())
                .isPositive();
        assertThat(unmappedVendors(successor)).as("the month taken over").isEqualTo(unmappedBefore);
        assertThat(unmappedVendors(old))
                .as("the record that holds none of its lines now")
                .isEmpty();
    }

    private List<String> unmappedVendors(String settings) {
        return months.unmappedVendors(settingsService.get(Uuids.fromPath(settings)), MONTH).stream()
                .map(BillingMonths.VendorAmount::vendorName)
                .toList();
    }
}
