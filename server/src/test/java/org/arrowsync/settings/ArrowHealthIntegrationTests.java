package org.arrowsync.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Connection health is each key's: a record's refused key does not mark another record of the same URL failing. */
class ArrowHealthIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    ArrowHealth health;

    @Autowired
    ArrowClients clients;

    @Autowired
    SettingsService settings;

    @Test
    void aRefusedKeyMarksOnlyItsOwnRecordFailing() {
        Settings good = settings.get(Uuids.fromPath(fixture.settings()));
        Settings wrong = settings.get(Uuids.fromPath(api.post(
                        "/api/admin/arrow/settings/",
                        Map.of(
                                "api_url",
                                fixture.emulator().apiUrl(),
                                "api_key",
                                "wrong-key-" + Uuids.hex(UUID.randomUUID()),
                                "is_active",
                                false))
                .expect(201)
                .text("uuid")));

        clients.connect(good.connection()).whoami();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(health.of(good))
                        .hasValueSatisfying(
                                working -> assertThat(working.lastSuccess()).isNotNull()));
        ArrowHealth.ConnectionHealth before = health.of(good).orElseThrow();

        assertThatThrownBy(() -> clients.connect(wrong.connection()).whoami()).isInstanceOf(ArrowException.class);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(health.of(wrong))
                        .hasValueSatisfying(
                                failing -> assertThat(failing.lastError()).contains("401")));
        ArrowHealth.ConnectionHealth after = health.of(good).orElseThrow();
        assertThat(after.lastFailure())
                .as("the other record's refusal is not this one's")
                .isEqualTo(before.lastFailure());
        assertThat(after.lastError()).isEqualTo(before.lastError());
    }
}
