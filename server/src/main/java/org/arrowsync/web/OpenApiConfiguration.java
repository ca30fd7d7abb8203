package org.arrowsync.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.PageRequest;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The served API description: Waldur's token scheme, the wire shapes of {@link WireSchemas} and the Waldur conventions
 * of {@link WaldurOpenApi}. Springdoc builds it from the controllers; nothing here repeats what a controller says.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String TOKEN_AUTH = "tokenAuth";

    static {
        // resolved by the web layer from the token and the page/page_size parameters, not sent as objects
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, PageRequest.class);
    }

    @Bean
    OpenAPI arrowsyncOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("arrowsync")
                        .description("ArrowSphere billing for Waldur-compatible admin clients. Every `/api/` call"
                                + " needs `Authorization: Token <key>`: choose Authorize and enter `Token <key>`.")
                        .version("1"))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN_AUTH,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("Authorization")
                                        .description("Token-based authentication: enter `Token <key>`"
                                                + " (the admin token is in the data folder's `admin-token`)")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN_AUTH))
                .tags(WaldurOpenApi.tags());
    }

    /** Deepest in springdoc's chain of model converters, so springdoc's own wrappers still apply around it. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WireSchemas wireSchemas() {
        return new WireSchemas();
    }

    @Bean
    OperationCustomizer waldurOperations() {
        return WaldurOpenApi::operation;
    }

    @Bean
    OpenApiCustomizer waldurDocument() {
        return WaldurOpenApi::document;
    }
}
