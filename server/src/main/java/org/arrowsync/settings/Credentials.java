package org.arrowsync.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.ArrowUnauthorized;
import org.arrowsync.arrowclient.ExportType;
import org.arrowsync.arrowclient.Partner;
import org.arrowsync.settings.CredentialsController.PreviewSettingsRequest;
import org.arrowsync.shared.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Asks Arrow whether typed-in credentials work ({@code whoami}) without storing anything. */
@Service
public class Credentials {

    private static final Logger log = LoggerFactory.getLogger(Credentials.class);

    private final ArrowAccess arrow;

    Credentials(ArrowAccess arrow) {
        this.arrow = arrow;
    }

    /** Invalid credentials are an answer, not an error: 200 with {@code valid: false}. */
    public ArrowCredentialsValidationResponse validate(String apiUrl, String apiKey) {
        ArrowClient client = arrow.client(apiUrl, apiKey);
        Partner partner;
        try {
            partner = client.whoami();
        } catch (ArrowException e) {
            // Only Arrow's refusal says the key is wrong; an outage says nothing of it.
            String why = e instanceof ArrowUnauthorized
                    ? "Invalid credentials: "
                    : "Arrow could not check the credentials: ";
            return new ArrowCredentialsValidationResponse(false, null, why + e.getMessage(), null, null);
        }
        List<ExportTypeView> exportTypes;
        try {
            exportTypes = client.exportTypes().stream().map(ExportTypeView::of).toList();
        } catch (ArrowException e) {
            log.warn("Credentials are valid but the export types could not be read: {}", e.getMessage());
            exportTypes = List.of();
        }
        PartnerInfo info = new PartnerInfo(
                partner.reference(), partner.companyName(), partner.email(), partner.city(), partner.countryCode());
        return new ArrowCredentialsValidationResponse(
                true, "Credentials validated successfully", null, info, exportTypes);
    }

    /** Refuses, naming {@code api_url}, an address no client would call, as saving it would. */
    public void requireCallableUrl(String apiUrl) {
        FieldErrors errors = new FieldErrors();
        arrow.checkUrl(errors, "api_url", apiUrl);
        errors.throwIfAny();
    }

    /** An Arrow refusal here is a 400 {@code {"error": …}}: the wizard cannot go on without a partner. */
    PreviewSettingsResponse preview(PreviewSettingsRequest request) {
        String classification = request.classificationFilter() == null
                ? Settings.DEFAULT_CLASSIFICATION
                : request.classificationFilter();
        ArrowClient client = arrow.client(request.apiUrl(), request.apiKey());
        FieldErrors errors = new FieldErrors();
        SettingsService.checkExportFilters(errors, request.exportTypeReference(), classification);
        errors.throwIfAny();
        Partner partner = client.whoami();
        return new PreviewSettingsResponse(
                request.apiUrl().strip(),
                orEmpty(partner.companyName()),
                partner.reference(),
                orEmpty(request.exportTypeReference()),
                classification,
                Boolean.TRUE.equals(request.syncEnabled()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArrowCredentialsValidationResponse(
            boolean valid, String message, String error, PartnerInfo partnerInfo, List<ExportTypeView> exportTypes) {}

    /** An export type as Arrow lists it; Arrow's map form gives no description. */
    public record ExportTypeView(
            String reference,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String description,
            boolean isDefault) {

        static ExportTypeView of(ExportType type) {
            return new ExportTypeView(type.reference(), type.name(), type.description(), type.isDefault());
        }
    }

    /** The partner as Arrow's {@code whoami} names it: its reference always, the rest where Arrow sends them. */
    public record PartnerInfo(
            String reference,
            @Schema(nullable = true) String companyName,
            @Schema(nullable = true) String email,
            @Schema(nullable = true) String city,
            @Schema(nullable = true) String countryCode) {}

    record PreviewSettingsResponse(
            @Schema(format = "uri") String apiUrl,
            String partnerName,
            String partnerReference,
            String exportTypeReference,
            String classificationFilter,
            boolean syncEnabled) {}
}
