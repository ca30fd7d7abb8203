package org.arrowsync.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The served API description: Waldur's token scheme, and a HEAD "count" operation beside every list, as Waldur
 * documents them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI arrowsyncOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("arrowsync")
                        .description("ArrowSphere billing for Waldur-compatible admin clients")
                        .version("1"))
                .components(new Components()
                        .addSecuritySchemes(
                                "tokenAuth",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("Authorization")
                                        .description("Token-based authentication: `Token <key>`")))
                .addSecurityItem(new SecurityRequirement().addList("tokenAuth"));
    }

    /**
     * Spring answers HEAD from every GET; the description names it, as Waldur does, for every GET not addressed by a
     * uuid ({@code x_list} or {@code x_retrieve} → {@code x_count}).
     */
    @Bean
    OpenApiCustomizer headCountOperations() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((url, path) -> {
                Operation list = path.getGet();
                String id = list == null ? null : list.getOperationId();
                if (id != null
                        && path.getHead() == null
                        && !url.contains("{")
                        && (id.endsWith("_list") || id.endsWith("_retrieve"))) {
                    path.setHead(new Operation()
                            .operationId(id.substring(0, id.lastIndexOf('_')) + "_count")
                            .tags(list.getTags())
                            .parameters(list.getParameters())
                            .description("Get number of items in the collection matching the request parameters.")
                            .responses(new ApiResponses()
                                    .addApiResponse("200", new ApiResponse().description("No response body"))));
                }
            });
        };
    }
}
