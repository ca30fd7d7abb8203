package org.arrowsync.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.arrowsync.shared.Csv;
import org.arrowsync.shared.CsvBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link CsvBody} as {@code text/csv} in UTF-8, row by row through a small buffer straight to the response, so
 * an export of any size is sent in constant memory.
 */
final class CsvMessageConverter extends AbstractHttpMessageConverter<CsvBody> {

    static final MediaType TEXT_CSV = MediaType.parseMediaType(CsvBody.MEDIA_TYPE);
    private static final int BUFFER = 64 * 1024;

    CsvMessageConverter() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return CsvBody.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected CsvBody readInternal(Class<? extends CsvBody> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is written, never read", input);
    }

    /** The body is UTF-8 whatever charset the client asked for, and its header says so. */
    @Override
    protected void addDefaultHeaders(HttpHeaders headers, CsvBody body, MediaType contentType) throws IOException {
        boolean concrete = contentType != null && !contentType.isWildcardType() && !contentType.isWildcardSubtype();
        super.addDefaultHeaders(
                headers, body, concrete ? new MediaType(contentType, StandardCharsets.UTF_8) : contentType);
    }

    @Override
    protected void writeInternal(CsvBody body, HttpOutputMessage output) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8), BUFFER);
        try {
            body.writeTo(new Csv(writer));
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away: the handler treats it as such
        }
        writer.flush();
    }
}
