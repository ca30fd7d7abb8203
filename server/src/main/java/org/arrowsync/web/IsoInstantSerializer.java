package org.arrowsync.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an instant as Jackson's own serializer does here, {@link DateTimeFormatter#ISO_INSTANT} in UTC (seconds
 * always, a fraction in groups of three digits as needed), without going through the formatter: a page of invoices
 * writes one per item, and the formatter's generic printing was a sixth of writing the page. Years outside 0000–9999,
 * which ISO_INSTANT writes with a sign or more digits, go through the formatter.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {

    private static final long YEAR_0000 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;
    private static final int LONGEST = "0000-00-00T00:00:00.000000000Z".length();

    IsoInstantSerializer() {
        super(Instant.class);
    }

    /** Jackson's own serializer for a property with a format of its own. */
    @Override
    public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
        JsonFormat.Value format = findFormatOverrides(context, property, Instant.class);
        boolean plain = !format.hasPattern() && !format.hasShape() && !format.hasTimeZone() && !format.hasLocale();
        return plain ? this : InstantSerializer.INSTANCE.createContextual(context, property);
    }

    @Override
    public void serializeWithType(
            Instant value, JsonGenerator generator, SerializationContext context, TypeSerializer types) {
        InstantSerializer.INSTANCE.serializeWithType(value, generator, context, types);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
        if (context.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)) {
            // a writer may ask for timestamps where the mapper did not
            InstantSerializer.INSTANCE.serialize(value, generator, context);
            return;
        }
        long seconds = value.getEpochSecond();
        if (seconds < YEAR_0000 || seconds >= YEAR_10000) {
            generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
            return;
        }
        char[] text = new char[LONGEST];
        generator.writeString(text, 0, format(seconds, value.getNano(), text));
    }

    /** The instant's ISO_INSTANT text into {@code text}; its length. */
    private static int format(long epochSecond, int nano, char[] text) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        int at = digits(text, 0, day.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, day.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, day.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        if (nano != 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(text, at, nano / 1_000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    /** {@code value} in {@code count} decimal digits, zero-padded, at {@code at}; the index after them. */
    private static int digits(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + count;
    }
}
