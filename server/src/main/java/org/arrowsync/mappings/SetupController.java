package org.arrowsync.mappings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.mappings.CustomerDiscovery.DiscoverCustomersResponse;
import org.arrowsync.mappings.SettingsSetup.SaveSettingsRequest;
import org.arrowsync.mappings.SettingsSetup.SaveSettingsResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The setup wizard's steps that involve customer mappings, served under the settings path as the contract has them. */
@Tag(name = "Setup")
@RestController
@RequestMapping("/api/admin/arrow/settings/")
class SetupController {

    private final CustomerDiscovery discovery;
    private final SettingsSetup setup;

    SetupController(CustomerDiscovery discovery, SettingsSetup setup) {
        this.discovery = discovery;
        this.setup = setup;
    }

    @PostMapping("discover_customers/")
    @Operation(
            summary = "Discover Arrow customers and suggest operator customers for them",
            operationId = "admin_arrow_settings_discover_customers")
    DiscoverCustomersResponse discover(@RequestBody DiscoverCustomersRequest request) {
        return discovery.discover(request.apiUrl(), request.apiKey());
    }

    @PostMapping("save_settings/")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Save settings and customer mappings in one step",
            operationId = "admin_arrow_settings_save_settings")
    SaveSettingsResponse save(@RequestBody SaveSettingsRequest request) {
        return setup.save(request);
    }

    @Schema(name = "DiscoverCustomersRequestRequest")
    record DiscoverCustomersRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", minLength = 1)
            String apiUrl,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String apiKey) {

        @Override
        public String toString() {
            return "DiscoverCustomersRequest[apiUrl=" + apiUrl + "]";
        }
    }
}
