package org.arrowsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which requests join a queued or running job: the coalescing key. */
class JobRequestTests {

    private static final UUID SETTINGS = UUID.randomUUID();
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Test
    void aForcedReconciliationOrFinalisationDoesNotJoinAPlainOneOfItsMonth() {
        for (boolean force : List.of(true, false)) {
            assertThat(key(new JobParameters.BillingReconciliation(force)))
                    .isEqualTo(key(new JobParameters.BillingReconciliation(force)));
        }
        assertThat(key(new JobParameters.BillingReconciliation(true)))
                .isNotEqualTo(key(new JobParameters.BillingReconciliation(false)));
        assertThat(key(new JobParameters.ConsumptionFinalisation(true)))
                .isNotEqualTo(key(new JobParameters.ConsumptionFinalisation(false)));
        assertThat(key(new JobParameters.BillingReconciliation(false)))
                .isNotEqualTo(key(new JobParameters.ConsumptionFinalisation(false)));
    }

    private static String key(JobParameters parameters) {
        return new JobRequest(1, SETTINGS, MONTH, parameters, "test").coalesceKey();
    }
}
