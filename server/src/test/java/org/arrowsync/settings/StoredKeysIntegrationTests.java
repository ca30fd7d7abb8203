package org.arrowsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** D53: a key encrypted the old way (the secret's bare SHA-256) still works and is encrypted again at start. */
class StoredKeysIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static final Emulator arrow = new Emulator();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoredKeys storedKeys;

    @Value("${arrowsync.secret-key}")
    String secret;

    @Test
    void aKeySealedTheOldWayOpensAndIsSealedAgainOnceAtStart() throws Exception {
        UUID uuid = UUID.randomUUID();
        String old = SecretCipherTests.sealedTheOldWay(secret, arrow.apiKey());
        jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, is_active, created, modified)
                        values (?, ?, ?, false, now(), now())""").params(uuid, arrow.apiUrl(), old).update();

        storedKeys.afterSingletonsInstantiated();
        String resealed = stored(uuid);
        assertThat(resealed).startsWith(SecretCipher.PREFIX).isNotEqualTo(old).doesNotContain(arrow.apiKey());
        api.post("/api/admin/arrow/customer-mappings/sync_from_arrow/", Map.of("settings_uuid", Uuids.hex(uuid)))
                .expect(200);

        storedKeys.afterSingletonsInstantiated();
        assertThat(stored(uuid)).as("the next start changes nothing").isEqualTo(resealed);
    }

    private String stored(UUID uuid) {
        return jdbc.sql("select api_key from arrow_settings where uuid = ?")
                .param(uuid)
                .query(String.class)
                .single();
    }
}
