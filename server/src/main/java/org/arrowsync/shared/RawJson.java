package org.arrowsync.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * JSON text that PostgreSQL gives and a response carries as it is: a page of invoices embeds thousands of items, and
 * parsing each item's details only to write them out again was a third of the page's reading. The text is kept as the
 * UTF-8 bytes the driver read and copied into the response as they are: decoding them to a string and encoding it back
 * was a tenth of the page's work. It is written verbatim, so it must come from a {@code json} column (PostgreSQL takes
 * only valid JSON into it) of a UTF-8 database, read as text: a {@code jsonb} column's binary form starts with a
 * version byte.
 */
public final class RawJson implements JacksonSerializable {

    private final byte[] utf8;

    private RawJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The JSON text as UTF-8 bytes, which this keeps as they are: the array is the driver's own, and no one else's. */
    public static RawJson utf8(byte[] utf8) {
        return new RawJson(Objects.requireNonNull(utf8));
    }

    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public void serialize(JsonGenerator generator, SerializationContext context) {
        generator.writeRawValue(new Verbatim(utf8));
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
        serialize(generator, context);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawJson raw && Arrays.equals(utf8, raw.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * The bytes as a generator writes a raw value: a UTF-8 generator (every response) copies them; a character one, and
     * any quoted use, goes through the decoded text.
     */
    private record Verbatim(byte[] utf8) implements SerializableString {

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            // what a generator takes when the bytes do not fit its buffer; it only reads them
            return utf8;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (utf8.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return decoded().appendUnquoted(buffer, offset);
        }

        @Override
        public char[] asQuotedChars() {
            return decoded().asQuotedChars();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return decoded().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return decoded().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return decoded().appendQuoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return decoded().writeQuotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return decoded().putQuotedUTF8(buffer);
        }

        private SerializedString decoded() {
            return new SerializedString(getValue());
        }
    }
}
