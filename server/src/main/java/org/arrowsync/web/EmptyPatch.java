package org.arrowsync.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A PATCH of the API without a body is an empty JSON object, as Django REST framework reads one (no field to change):
 * whatever endpoint it is for, and whether it names a content type or not, it reaches the endpoint as {@code {}}. A
 * body of another type than JSON is left to be refused as such.
 */
final class EmptyPatch {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private EmptyPatch() {}

    static HttpServletRequest asEmptyObject(HttpServletRequest request) {
        if (!"PATCH".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getContentLengthLong() > 0
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || !jsonOrNone(request.getContentType())) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            private final ByteArrayInputStream body = new ByteArrayInputStream(EMPTY_OBJECT);

            @Override
            public String getContentType() {
                return MediaType.APPLICATION_JSON_VALUE;
            }

            @Override
            public int getContentLength() {
                return EMPTY_OBJECT.length;
            }

            @Override
            public long getContentLengthLong() {
                return EMPTY_OBJECT.length;
            }

            @Override
            public String getHeader(String name) {
                return replaced(name) ? value(name) : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return replaced(name) ? Collections.enumeration(Set.of(value(name))) : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                names.addAll(Collections.list(super.getHeaderNames()));
                names.add(HttpHeaders.CONTENT_TYPE);
                names.add(HttpHeaders.CONTENT_LENGTH);
                return Collections.enumeration(names);
            }

            @Override
            public BufferedReader getReader() {
                return new BufferedReader(new StringReader("{}"));
            }

            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return body.read();
                    }

                    @Override
                    public boolean isFinished() {
                        return body.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new IllegalStateException("The empty object is read at once, not asynchronously");
                    }
                };
            }

            private boolean replaced(String name) {
                return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                        || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
            }

            private String value(String name) {
                return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                        ? MediaType.APPLICATION_JSON_VALUE
                        : Integer.toString(EMPTY_OBJECT.length);
            }
        };
    }

    private static boolean jsonOrNone(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false; // unreadable: refused as such further on
        }
    }
}
