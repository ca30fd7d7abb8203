package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.arrowsync.audit.AuditTrail;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A console form the page refused (errors beside its fields, or a failure above them) is answered 200, as htmx swaps
 * only those in; the audit trail records it refused all the same ({@link AuditTrail#REFUSED}).
 */
@Configuration(proxyBeanMethods = false)
class RefusedForms implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public void postHandle(
                            HttpServletRequest request,
                            HttpServletResponse response,
                            Object handler,
                            ModelAndView page) {
                        if (page != null && refused(page.getModel())) {
                            request.setAttribute(AuditTrail.REFUSED, Boolean.TRUE);
                        }
                    }
                })
                .excludePathPatterns("/api/**");
    }

    private static boolean refused(Map<String, Object> model) {
        return model.get("errors") instanceof Map<?, ?> errors && !errors.isEmpty() || model.get("failure") != null;
    }
}
