package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.audit.AuditTrail;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The forms marked {@link AsksFirst}: one sent without its confirmation is not handled; {@link ConsoleAdvice} answers
 * it with its question ({@link Unconfirmed}), and the audit trail records nothing, as nothing was done.
 */
@Configuration(proxyBeanMethods = false)
class AskedForms implements WebMvcConfigurer {

    static final String CONFIRMED = "confirmed";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        AsksFirst asks = handler instanceof HandlerMethod method
                                ? method.getMethodAnnotation(AsksFirst.class)
                                : null;
                        if (asks != null && acts(asks, request) && !confirmed(request)) {
                            request.setAttribute(AuditTrail.ASKED, Boolean.TRUE);
                            throw new Unconfirmed(Question.of(asks, request));
                        }
                        return true;
                    }
                })
                .excludePathPatterns("/api/**");
    }

    private static boolean acts(AsksFirst asks, HttpServletRequest request) {
        return asks.when().isEmpty() || "true".equals(request.getParameter(asks.when()));
    }

    private static boolean confirmed(HttpServletRequest request) {
        return "true".equals(request.getParameter(CONFIRMED));
    }

    /** A form to ask about: its question, where it goes, what it carried (its CSRF token aside) and the way back. */
    record Question(String question, String answer, String action, Map<String, List<String>> fields, String back) {

        static Question of(AsksFirst asks, HttpServletRequest request) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!"_csrf".equals(name) && !CONFIRMED.equals(name)) {
                    fields.put(name, List.of(values));
                }
            });
            return new Question(asks.value(), asks.answer(), request.getServletPath(), fields, back(request));
        }

        /** The page the form was on, when it is one of the console's, else the overview. */
        private static String back(HttpServletRequest request) {
            try {
                URI referer = URI.create(String.valueOf(request.getHeader("Referer")));
                boolean here = request.getServerName().equalsIgnoreCase(referer.getHost())
                        && referer.getRawPath() != null
                        && referer.getRawPath().startsWith("/")
                        && !referer.getRawPath().startsWith("//");
                return here
                        ? referer.getRawPath() + (referer.getRawQuery() == null ? "" : "?" + referer.getRawQuery())
                        : "/";
            } catch (IllegalArgumentException e) {
                return "/";
            }
        }
    }

    /** A form sent without its confirmation, for {@link ConsoleAdvice} to answer with its question. */
    static final class Unconfirmed extends RuntimeException {

        private final transient Question question;

        Unconfirmed(Question question) {
            super(question.question(), null, false, false);
            this.question = question;
        }

        Question question() {
            return question;
        }
    }
}
