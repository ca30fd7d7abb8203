package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's chart of provisional against final amounts counts the license-months consumption tracking bills. */
class ConsumptionChartIntegrationTests extends IntegrationTest {

    static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    ConsumptionStatistics statistics;

    @Autowired
    SettingsService settings;

    @Autowired
    LicenseBilling claims;

    @Test
    void aMonthTheBillingSyncBillsIsNotChartedThoughAHistoricalSyncRecordedIt() {
        fixture.mapCustomers(1);
        String license = fixture.meteredLicense(CLOSED);
        String resource = fixture.licensedResources().get(license);
        fixture.succeeded("trigger_sync", CLOSED);
        assertThat(claims.owners(List.of(license), CLOSED)).isEqualTo(Map.of(license, BillingPath.BILLING));

        api.post(
                        "/api/admin/arrow/billing-syncs/sync_resource_historical_consumption/",
                        fixture.historicalMonth(resource, CLOSED))
                .expect(200);
        assertThat(api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + resource)
                        .expect(200)
                        .json()
                        .size())
                .as("recorded")
                .isPositive();

        assertThat(statistics.provisionalVersusFinal(settings.get(Uuids.fromPath(fixture.settings())), 12))
                .as("but billed nothing provisionally")
                .noneMatch(month -> month.period().equals(CLOSED));
    }
}
