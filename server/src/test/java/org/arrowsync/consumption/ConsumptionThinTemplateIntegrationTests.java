package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Finalisation reads only the license reference and the amounts: a template without line references works, and a
 * license whose line cannot be read waits rather than being finalised on the lines that could.
 */
class ConsumptionThinTemplateIntegrationTests extends IntegrationTest {

    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void finalisesFromATemplateWithoutLineReferencesAndHoldsBackALicenseItCannotRead() {
        fixture.trackedResources(1);
        api.patch(
                        "/api/admin/arrow/settings/" + fixture.settings() + "/",
                        Map.of("export_type_reference", ExportTemplates.THIN_REFERENCE))
                .expect(200);
        assertThat(fixture.syncConsumption(CLOSED).get("state").asString()).isEqualTo("succeeded");
        List<String> metered = fixture.licensedResources().keySet().stream()
                .filter(license -> !fixture.emulator().lines(license, CLOSED).isEmpty())
                .filter(license -> fixture.emulator()
                                .client()
                                .monthlyConsumption(license, CLOSED, CLOSED)
                                .lines()
                                .size()
                        > 0)
                .limit(2)
                .toList();
        String corrected = metered.get(0);
        String unreadable = metered.get(1);
        fixture.emulator().correctSell(corrected, CLOSED, new BigDecimal("10"));
        BillingLine garbled = fixture.emulator().lines(unreadable, CLOSED).get(0);
        fixture.emulator().garble(garbled.lineReference(), true);

        JsonNode job = fixture.run("trigger_reconciliation", fixture.period(CLOSED));
        JsonNode result = job.get("result");
        assertThat(result.get("status").asString()).as(job.toString()).isEqualTo("ok");
        assertThat(result.get("compensation_items_created").asInt()).isEqualTo(1);
        assertThat(result.get("errors").toString())
                .contains(unreadable)
                .contains("could not be read")
                .as("and why: the first such line's problem")
                .contains("unreadable amount in")
                .contains("#VALUE!");
        assertThat(record(corrected).get("is_finalized").asBoolean()).isTrue();
        assertThat(record(corrected).get("adjustment_amount").asString()).isEqualTo("10.00");
        assertThat(record(unreadable).get("is_finalized").asBoolean())
                .as("not finalised on the lines that could be read")
                .isFalse();

        fixture.emulator().garble(garbled.lineReference(), false);
        JsonNode again =
                fixture.run("trigger_reconciliation", fixture.period(CLOSED)).get("result");
        assertThat(again.get("errors").size()).isZero();
        assertThat(record(unreadable).get("is_finalized").asBoolean()).isTrue();
    }

    private JsonNode record(String license) {
        return api.get("/api/admin/arrow/consumption-records/?license_reference=" + license + "&billing_period="
                        + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
    }
}
