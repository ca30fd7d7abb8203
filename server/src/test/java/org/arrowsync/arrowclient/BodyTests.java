package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyTests {

    private final Body body = Body.of(List.of(buffer("{\"da"), buffer(""), buffer("ta\":[1,"), buffer("2]}")));

    @Test
    void readsItsBuffersOneAfterAnother() throws IOException {
        assertThat(body.size()).isEqualTo(14);
        assertThat(new String(body.stream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"data\":[1,2]}");
    }

    @Test
    void readsByteByByteAndSaysWhereItEnds() throws IOException {
        InputStream stream = body.stream();
        StringBuilder read = new StringBuilder();
        for (int b = stream.read(); b != -1; b = stream.read()) {
            read.append((char) b);
        }

        assertThat(read).hasToString("{\"data\":[1,2]}");
        assertThat(stream.read(new byte[4], 0, 4)).isEqualTo(-1);
        assertThat(stream.available()).isZero();
    }

    @Test
    void readsInPiecesNoLargerThanOneBuffer() throws IOException {
        InputStream stream = body.stream();
        byte[] into = new byte[100];

        assertThat(stream.read(into, 0, 100)).isEqualTo(4);
        assertThat(stream.read(into, 4, 0)).isZero();
        assertThat(stream.read(into, 4, 100)).isEqualTo(7);
        assertThat(new String(into, 0, 11, StandardCharsets.UTF_8)).isEqualTo("{\"data\":[1,");
    }

    @Test
    void isReadFromItsStartEachTimeAndLeavesTheClientsBuffersWhereTheyWere() throws IOException {
        ByteBuffer given = buffer("{}");
        Body once = Body.of(List.of(given));

        once.stream().readAllBytes();

        assertThat(once.stream().readAllBytes()).hasSize(2);
        assertThat(once.head(10)).hasSize(2);
        assertThat(given.remaining()).isEqualTo(2);
    }

    @Test
    void itsHeadCrossesBuffersAndStopsAtTheEnd() {
        assertThat(new String(body.head(6), StandardCharsets.UTF_8)).isEqualTo("{\"data");
        assertThat(body.head(1_000)).hasSize(14);
        assertThat(Body.of(new byte[0]).head(10)).isEmpty();
    }

    private static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
