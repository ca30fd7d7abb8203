package org.arrowsync.firstrun;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Arrow API the environment configures is refused as the settings it would become; nothing was created. */
final class ConfiguredArrowRefused extends IllegalStateException {

    /** The variable that sets each field of the settings the first start creates. */
    private static final Map<String, String> VARIABLES = Map.of(
            "api_url", "ARROWSYNC_ARROW_API_URL",
            "api_key", "ARROWSYNC_ARROW_API_KEY",
            "export_type_reference", "ARROWSYNC_ARROW_EXPORT_TYPE");

    ConfiguredArrowRefused(Map<String, List<String>> errors) {
        super(errors.entrySet().stream()
                .map(error -> VARIABLES.getOrDefault(error.getKey(), error.getKey()) + ": "
                        + String.join(" ", error.getValue()))
                .sorted()
                .collect(Collectors.joining(System.lineSeparator())));
    }
}
