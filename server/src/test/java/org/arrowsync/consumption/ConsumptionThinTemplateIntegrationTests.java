package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.BillingLine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Finalisation reads only the license reference and the amounts: a template without line references works, and a
 * license whose line cannot be read waits rather than being finalised on the lines that could.
 */
class ConsumptionThinTemplateIntegrationTests extends ConsumptionIntegrationTest {

    private static final YearMonth CLOSED = ConsumptionWorld.CLOSED;

    ConsumptionThinTemplateIntegrationTests() {
        super(1);
    }

    @Test
    void finalisesFromATemplateWithoutLineReferencesAndHoldsBackALicenseItCannotRead() {
        api.patch(
                        "/api/admin/arrow/settings/" + world.settingsUuid + "/",
                        Map.of("export_type_reference", "THIN-no-line-references"))
                .expect(200);
        assertThat(world.run("trigger_consumption_sync", world.period(CLOSED))
                        .get("state")
                        .asString())
                .isEqualTo("succeeded");
        List<String> metered = world.resources.keySet().stream()
                .filter(license -> !world.lines(license, CLOSED).isEmpty())
                .filter(license -> world.client()
                                .monthlyConsumption(license, CLOSED, CLOSED)
                                .lines()
                                .size()
                        > 0)
                .limit(2)
                .toList();
        String corrected = metered.get(0);
        String unreadable = metered.get(1);
        world.correctSell(corrected, CLOSED, new BigDecimal("10"));
        BillingLine garbled = world.lines(unreadable, CLOSED).get(0);
        world.control("POST", "lines/" + garbled.lineReference(), "{\"garbled\":true}");

        JsonNode job = world.run("trigger_reconciliation", world.period(CLOSED));
        JsonNode result = job.get("result");
        assertThat(result.get("status").asString()).as(job.toString()).isEqualTo("ok");
        assertThat(result.get("compensation_items_created").asInt()).isEqualTo(1);
        assertThat(result.get("errors").toString()).contains(unreadable).contains("could not be read");
        assertThat(record(corrected).get("is_finalized").asBoolean()).isTrue();
        assertThat(record(corrected).get("adjustment_amount").asString()).isEqualTo("10.00");
        assertThat(record(unreadable).get("is_finalized").asBoolean())
                .as("not finalised on the lines that could be read")
                .isFalse();

        world.control("POST", "lines/" + garbled.lineReference(), "{\"garbled\":false}");
        JsonNode again =
                world.run("trigger_reconciliation", world.period(CLOSED)).get("result");
        assertThat(again.get("errors").size()).isZero();
        assertThat(record(unreadable).get("is_finalized").asBoolean()).isTrue();
    }

    private JsonNode record(String license) {
        return api.get(RECORDS + "?license_reference=" + license + "&billing_period=" + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
    }
}
