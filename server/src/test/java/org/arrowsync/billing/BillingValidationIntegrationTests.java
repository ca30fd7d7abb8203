package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D6 where Arrow's statements are not there to ask: an account whose statements API refuses (403) or does not exist
 * (404) is validated by the calendar, and says so; one that says "not yet" or fails for a while waits.
 */
class BillingValidationIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    BillingValidation validation;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;

    /**
     * Early in the next month at Arrow: the month's statements need validation, its lines carry no Validation Date yet.
     * The server's calendar grace for the month is over.
     */
    @BeforeEach
    void syncTheMonthBeforeArrowValidatesIt() {
        fixture.arrowStillValidates(MONTH);
        settings = fixture.settings();
        fixture.mapAllCustomers();
        fixture.syncedBilling(MONTH);
    }

    @Test
    void aStatementNotFulfilledYetKeepsTheMonthOpenWhateverTheCalendar() {
        Errors errors = new Errors();
        assertThat(validation.check(Uuids.fromPath(settings), errors).validated())
                .isZero();
        assertThat(syncs()).allSatisfy(sync -> {
            assertThat(sync.get("state").asInt()).isEqualTo(2);
            assertThat(sync.get("arrow_state").asString()).isEqualTo("pending");
        });
        assertThat(errors.messages)
                .as("the operator is told which customers the statements hold back")
                .singleElement()
                .asString()
                .startsWith(MONTH + " stays open past its grace for XSP")
                .endsWith(": Arrow's statement is Needs Validation, not fulfilled");
    }

    @Test
    void aCustomerOfWhomArrowSaysNothingIsValidatedByTheCalendarWhileTheOthersWaitForTheirStatements() {
        String silent = fixture.customers().keySet().iterator().next();
        api.patch(
                        "/api/admin/arrow/customer-mappings/" + fixture.mapping(silent) + "/",
                        Map.of("arrow_reference", "XSP-NO-STATEMENT"))
                .expect(200);

        BillingValidation.ValidationReport report = validation.check(Uuids.fromPath(settings), new Errors());

        List<JsonNode> syncs = syncs();
        List<JsonNode> silentOnes = syncs.stream()
                .filter(sync -> sync.get("customer_mapping_uuid").asString().equals(fixture.mapping(silent)))
                .toList();
        assertThat(silentOnes).isNotEmpty().allSatisfy(sync -> {
            assertThat(sync.get("state").asInt()).isEqualTo(3);
            assertThat(sync.get("arrow_state").asString()).isEqualTo("validated_by_calendar");
        });
        assertThat(report.validated()).isEqualTo(silentOnes.size());
        assertThat(syncs)
                .filteredOn(sync -> !silentOnes.contains(sync))
                .isNotEmpty()
                .allSatisfy(sync -> {
                    assertThat(sync.get("state").asInt()).isEqualTo(2);
                    assertThat(sync.get("arrow_state").asString()).isEqualTo("pending");
                });
        assertThat(inArrowState("Validated_By_Calendar"))
                .as("Waldur's iexact: the state in any case (D157)")
                .containsExactlyInAnyOrderElementsOf(uuids(silentOnes));
        assertThat(inArrowState("PENDING"))
                .containsExactlyInAnyOrderElementsOf(uuids(syncs.stream()
                        .filter(sync -> !silentOnes.contains(sync))
                        .toList()));
        assertThat(inArrowState("validated")).isEmpty();
        assertThat(inArrowState("validated_")).as("a state, not a piece of one").isEmpty();
    }

    @Test
    void aSyncHoldsOnlyTheArrowStatesTheFilterComparesAsTheyAre() {
        assertThatThrownBy(() -> jdbc.sql("update billing_syncs set arrow_state = 'Validated'"
                                + " where id = (select max(id) from billing_syncs)")
                        .update())
                .as("D157: the filter compares the column as it is, so the column holds lower case only")
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("billing_syncs_arrow_state_check");
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404})
    void statementsTheAccountCannotReadLeaveTheDecisionToTheCalendarAndTheSyncSaysSo(int status) {
        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"" + status + "\",\"probability\":1}");
        Errors errors = new Errors();
        BillingValidation.ValidationReport report = validation.check(Uuids.fromPath(settings), errors);

        assertThat(report.validated()).isEqualTo(syncs().size());
        assertThat(report.periods()).containsExactly(MONTH.toString());
        assertThat(errors.messages).anySatisfy(message -> assertThat(message).contains("HTTP " + status));
        assertThat(syncs()).allSatisfy(sync -> {
            assertThat(sync.get("state").asInt()).isEqualTo(3);
            assertThat(sync.get("arrow_state").asString()).isEqualTo("validated_by_calendar");
            assertThat(sync.get("validated_at").isNull()).isFalse();
        });

        JsonNode reconciled = fixture.run("reconcile", fixture.period(MONTH));
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("succeeded");
        assertThat(reconciled.get("result").get("syncs").asInt()).isEqualTo(syncs().size());
        assertThat(syncs())
                .allSatisfy(sync -> assertThat(sync.get("state").asInt()).isEqualTo(4));
    }

    @Test
    void statementsFailingForAWhilePostponeValidation() {
        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"503\",\"count\":10}");
        Errors errors = new Errors();
        assertThat(validation.check(Uuids.fromPath(settings), errors).validated())
                .isZero();
        assertThat(errors.messages).anySatisfy(message -> assertThat(message).contains("postponed"));
        assertThat(syncs())
                .allSatisfy(sync -> assertThat(sync.get("state").asInt()).isEqualTo(2));
    }

    private List<JsonNode> syncs() {
        List<JsonNode> syncs = new ArrayList<>();
        api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&page_size=50")
                .expect(200)
                .json()
                .forEach(syncs::add);
        assertThat(syncs).isNotEmpty();
        return syncs;
    }

    /** The uuids of the settings' syncs in this Arrow state, as the list's filter selects them. */
    private List<String> inArrowState(String state) {
        return uuids(api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&page_size=50&arrow_state="
                        + state)
                .expect(200)
                .json()
                .valueStream()
                .toList());
    }

    private static List<String> uuids(List<JsonNode> syncs) {
        return syncs.stream().map(sync -> sync.get("uuid").asString()).toList();
    }

    /** The errors a run reports, as the job would keep them. */
    static final class Errors implements Progress {
        final List<String> messages = new ArrayList<>();

        @Override
        public void add(String count, long amount) {}

        @Override
        public void error(String message) {
            messages.add(message);
        }
    }
}
