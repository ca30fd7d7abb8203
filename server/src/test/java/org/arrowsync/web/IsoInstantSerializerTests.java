package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

class IsoInstantSerializerTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()))
            .build();

    @Test
    void writesWhatIsoInstantWritesWhetherTheGeneratorWritesBytesOrCharacters() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.MIN,
                Instant.MAX,
                Instant.parse("2026-12-06T15:01:00Z"),
                Instant.parse("2026-12-06T15:01:37.100Z"),
                Instant.parse("2026-12-06T15:01:37.185104Z"),
                Instant.parse("2026-12-06T15:01:37.000000001Z"),
                Instant.parse("2024-02-29T12:00:00.120Z")));
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_167_219_200L - 1_000_000, 253_402_300_800L + 1_000_000);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }

        for (Instant instant : instants) {
            String expected = '"' + DateTimeFormatter.ISO_INSTANT.format(instant) + '"';
            assertThat(JSON.writeValueAsString(instant))
                    .as("%s as characters", instant)
                    .isEqualTo(expected);
            assertThat(new String(JSON.writeValueAsBytes(instant), StandardCharsets.UTF_8))
                    .as("%s as bytes", instant)
                    .isEqualTo(expected);
        }
    }

    record Stamped(
            Instant plain,
            @JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant number) {}

    @Test
    void aPropertyWithAFormatOfItsOwnAndTimestampsAreLeftToJackson() {
        Instant at = Instant.parse("2026-12-06T15:01:37.185104Z");
        JsonMapper jackson = JsonMapper.builder().build();
        Stamped stamped = new Stamped(at, at);

        assertThat(JSON.writeValueAsString(stamped)).isEqualTo(jackson.writeValueAsString(stamped));
        assertThat(JSON.rebuild()
                        .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build()
                        .writeValueAsString(at))
                .isEqualTo(jackson.rebuild()
                        .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build()
                        .writeValueAsString(at))
                .isEqualTo("1796569297.185104000");
        assertThat(JSON.writer().with(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(List.of(at)))
                .isEqualTo("[1796569297.185104000]");
    }

    @Test
    void anInstantWithItsTypeIsWrittenAsJacksonWritesIt() {
        Instant at = Instant.parse("2026-12-06T15:01:37.185104Z");
        BasicPolymorphicTypeValidator anyType = BasicPolymorphicTypeValidator.builder()
                .allowIfBaseType(Object.class)
                .build();
        JsonMapper typed = JSON.rebuild().activateDefaultTyping(anyType).build();

        assertThat(typed.writeValueAsString(new Holder(at)))
                .isEqualTo(JsonMapper.builder()
                        .activateDefaultTyping(anyType)
                        .build()
                        .writeValueAsString(new Holder(at)))
                .contains("2026-12-06T15:01:37.185104Z");
    }

    record Holder(Object value) {}
}
