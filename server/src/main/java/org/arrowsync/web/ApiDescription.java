package org.arrowsync.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The API description at Waldur's path: JSON, which a YAML reader reads as well, unless YAML is asked for as
 * drf-spectacular's schema view takes it ({@code format=yaml}, or an {@code Accept} naming {@code application/yaml} or
 * {@code application/vnd.oai.openapi} and no JSON type). springdoc serves both without the slash (application.yml).
 */
@Hidden
@Controller
class ApiDescription {

    @GetMapping("/api/schema/")
    String describe(
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        // the format named here is the one springdoc's endpoint is asked for, whatever the caller's Accept or format
        return wantsYaml(format, accept)
                ? "forward:/api/schema.yaml?format=openapi"
                : "forward:/api/schema?format=json";
    }

    private static boolean wantsYaml(String format, String accept) {
        if (format != null) {
            return format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("openapi");
        }
        String types = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return (types.contains("yaml") || types.contains("application/vnd.oai.openapi")) && !types.contains("json");
    }
}
