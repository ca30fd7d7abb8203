package org.arrowsync.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.arrowsync.users.UserService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ContentNegotiationManager negotiation;

    WebConfiguration(@Lazy ContentNegotiationManager negotiation) {
        this.negotiation = negotiation;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptCheck(negotiation))
                .addPathPatterns("/api/**")
                .excludePathPatterns("/api/schema/**", "/api/docs/**");
    }

    /** CSV answers ({@code Accept: text/csv}, or {@code format=csv}, see application.yml) are written as they go. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new CsvMessageConverter());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageRequestResolver());
        resolvers.add(new CallerResolver());
    }

    /** A path an action names literally is that action's, whatever the method ({@link ActionRoutes}). */
    @Bean
    WebMvcRegistrations actionRoutes() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new ActionRoutes();
            }
        };
    }

    /**
     * Before anything but the request id reads the request, so that every answer, a refusal included, has its headers.
     */
    @Bean
    FilterRegistrationBean<RequestEdge> requestEdge(
            RequestLimits limits, JsonMapper json, ObjectProvider<RequestMappingHandlerMapping> routes) {
        FilterRegistrationBean<RequestEdge> registration =
                new FilterRegistrationBean<>(new RequestEdge(limits, json, routes));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TokenAuthenticationFilter> tokenAuthentication(UserService users, JsonMapper json) {
        FilterRegistrationBean<TokenAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new TokenAuthenticationFilter(users, json));
        registration.addUrlPatterns("/api/*", TokenAuthenticationFilter.HEALTH_DETAILS);
        registration.setOrder(0);
        return registration;
    }

    /**
     * Spring Security's firewall as it comes, but for header values: the container reads a header's bytes as
     * ISO-8859-1, so UTF-8 text (an {@code X-Reason} with "€") holds characters 0x80–0x9F, which it refuses as control
     * characters. The C0 controls and DEL stay refused.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(value -> value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F));
        return firewall;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIds() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Decimals travel as JSON strings in plain notation, as the contract shows ({@code "12.3400000000"}). */
    @Bean
    JsonMapperBuilderCustomizer decimalsAsStrings() {
        return builder -> builder.withConfigOverride(
                        BigDecimal.class,
                        override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /**
     * Instants as ISO-8601 in UTC, Jackson's own format, written without its formatter ({@link IsoInstantSerializer}).
     */
    @Bean
    JsonMapperBuilderCustomizer isoInstants() {
        return builder -> builder.addModule(
                new SimpleModule("iso-instants").addSerializer(Instant.class, new IsoInstantSerializer()));
    }

    /**
     * A request's scalars are taken as Waldur takes them, no looser: a boolean is one ({@link WireBoolean}), an integer
     * has no fraction ({@code "month": 1.5} was month 1), and text is no boolean ({@code "name": true}).
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        WireBoolean booleans = new WireBoolean();
        return builder -> builder.addModule(new SimpleModule("wire-scalars")
                        .addDeserializer(Boolean.class, booleans)
                        .addDeserializer(boolean.class, booleans))
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
