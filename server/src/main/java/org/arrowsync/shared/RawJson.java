package org.arrowsync.shared;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * JSON text that PostgreSQL gives and a response carries as it is: a page of invoices embeds thousands of items, and
 * parsing each item's details only to write them out again was a third of the page's reading. The text is written
 * verbatim, so it must come from a {@code json} or {@code jsonb} column (PostgreSQL takes only valid JSON into either).
 */
public record RawJson(String text) implements JacksonSerializable {

    @Override
    public void serialize(JsonGenerator generator, SerializationContext context) {
        generator.writeRawValue(text);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
        serialize(generator, context);
    }
}
