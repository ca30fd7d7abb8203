package org.arrowsync.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.settings.Credentials.ArrowCredentialsValidationResponse;
import org.arrowsync.settings.Credentials.PreviewSettingsResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The first two steps of the setup wizard: check credentials, preview what would be saved. Nothing is stored. */
@Tag(name = "Setup")
@RestController
@RequestMapping("/api/admin/arrow/settings/")
class CredentialsController {

    private final Credentials credentials;

    CredentialsController(Credentials credentials) {
        this.credentials = credentials;
    }

    @PostMapping("validate_credentials/")
    @Operation(
            summary = "Validate Arrow API credentials without saving them",
            operationId = "admin_arrow_settings_validate_credentials")
    ArrowCredentialsValidationResponse validate(@RequestBody ArrowCredentialsRequest request) {
        return credentials.validate(request.apiUrl(), request.apiKey());
    }

    @PostMapping("preview_settings/")
    @Operation(
            summary = "Preview settings (partner, export type) before saving them",
            operationId = "admin_arrow_settings_preview_settings")
    PreviewSettingsResponse preview(@RequestBody PreviewSettingsRequest request) {
        return credentials.preview(request);
    }

    record ArrowCredentialsRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", minLength = 1)
            String apiUrl,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String apiKey) {

        @Override
        public String toString() {
            return "ArrowCredentialsRequest[apiUrl=" + apiUrl + "]";
        }
    }

    @Schema(name = "PreviewSettingsRequestRequest")
    record PreviewSettingsRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", minLength = 1)
            String apiUrl,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String apiKey,

            String exportTypeReference,
            @Schema(minLength = 1) String classificationFilter,
            Boolean syncEnabled) {

        @Override
        public String toString() {
            return "PreviewSettingsRequest[apiUrl=" + apiUrl + "]";
        }
    }
}
