package org.arrowsync.web;

import org.arrowsync.shared.DefaultPageSize;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads {@code page} and {@code page_size} as Django REST framework does: a bad page is a 404, a bad size the default
 * (the list's own, {@link DefaultPageSize}, where it declares one).
 */
class PageRequestResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PageRequest.class.equals(parameter.getParameterType());
    }

    @Override
    public PageRequest resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        String asked = request.getParameter("page");
        boolean last = asked != null && asked.trim().equals("last");
        int page = last ? PageRequest.LAST : parsePositive(asked, 1);
        // a number past any list, the largest among them: only the word asks for the last page
        if (page < 1 || page == PageRequest.LAST && !last) {
            throw new NotFound("Invalid page.");
        }
        DefaultPageSize declared = parameter.getParameterAnnotation(DefaultPageSize.class);
        int fallback = declared == null ? PageRequest.DEFAULT_SIZE : declared.value();
        int size = parsePositive(request.getParameter("page_size"), fallback);
        if (size < 1) {
            size = fallback;
        }
        return new PageRequest(page, Math.min(size, PageRequest.MAX_SIZE));
    }

    private static int parsePositive(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
