package org.arrowsync.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An API endpoint writes JSON unless it declares another type; a request that accepts no JSON (or JSON in another
 * charset than UTF-8) is refused with a 406 before the endpoint runs, so that a change is never made only for its
 * answer to fail. Spring checks the endpoints that declare another type.
 */
class AcceptCheck implements HandlerInterceptor {

    private final ContentNegotiationManager negotiation;

    AcceptCheck(ContentNegotiationManager negotiation) {
        this.negotiation = negotiation;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (handler instanceof HandlerMethod method && writesJson(method)) {
            List<MediaType> accepted = negotiation.resolveMediaTypes(new ServletWebRequest(request));
            if (accepted.stream().noneMatch(AcceptCheck::takesJson)) {
                throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
            }
        }
        return true;
    }

    /** JSON in UTF-8, the one encoding the API writes: a client asking for another charset gets a 406, not a 500. */
    private static boolean takesJson(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_JSON) && isUtf8OrNone(type.getParameter("charset"));
    }

    /** UTF-8 under any of its names ({@code utf8}, {@code "UTF-8"}), or no charset named. */
    private static boolean isUtf8OrNone(String charset) {
        if (charset == null) {
            return true;
        }
        try {
            String name = charset.replace("\"", "");
            return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException unreadable) {
            return false;
        }
    }

    private static boolean writesJson(HandlerMethod method) {
        boolean body = method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
        RequestMapping mapping = method.getMethodAnnotation(RequestMapping.class);
        return body
                && (mapping == null
                        || mapping.produces().length == 0
                        || Arrays.asList(mapping.produces()).contains(MediaType.APPLICATION_JSON_VALUE));
    }
}
