package org.arrowsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A webhook's signing secret never shows in the text of the records that carry it, should they be logged. */
class WebhookSecretTextTests {

    private static final String SECRET = "a-signing-secret-0123456789";

    @Test
    void theRequestAndTheDraftHideTheSecret() {
        WebhookController.WebhookRequest request = new WebhookController.WebhookRequest(
                "https://hooks.example/a", List.of("job.finished"), SECRET, true, "");
        WebhookService.WebhookDraft draft =
                new WebhookService.WebhookDraft("https://hooks.example/a", List.of("job.finished"), SECRET, true, "");

        assertThat(request.toString()).doesNotContain(SECRET).contains("https://hooks.example/a", "****");
        assertThat(draft.toString()).doesNotContain(SECRET).contains("https://hooks.example/a", "****");
    }
}
