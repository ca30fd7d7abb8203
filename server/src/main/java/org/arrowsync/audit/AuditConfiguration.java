package org.arrowsync.audit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** After every kind of authentication (the API's token filter is at 0, Spring Security's chain before it). */
    static final int ORDER = 10;

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditTrail trail, JsonMapper json) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(trail, json));
        registration.setOrder(ORDER);
        return registration;
    }
}
