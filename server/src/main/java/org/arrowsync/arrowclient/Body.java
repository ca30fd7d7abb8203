package org.arrowsync.arrowclient;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An answer's body as the HTTP client handed it over, its buffers read where they are. Joined into one array, an export
 * page of several hundred kilobytes would be copied once more, and an array of half a G1 region or more goes straight
 * into the old generation, whose occupancy then starts the collector's concurrent marking cycles: at a million lines,
 * five to seven of them in each re-sync, against at most one without joining.
 */
final class Body {

    private final List<ByteBuffer> buffers;
    private final long size;

    private Body(List<ByteBuffer> buffers, long size) {
        this.buffers = buffers;
        this.size = size;
    }

    /** The bytes left in each of these buffers, in order; the buffers are not read here, nor later moved. */
    static Body of(List<ByteBuffer> buffers) {
        List<ByteBuffer> own =
                buffers.stream().map(ByteBuffer::asReadOnlyBuffer).toList();
        return new Body(own, own.stream().mapToLong(ByteBuffer::remaining).sum());
    }

    static Body of(byte[] bytes) {
        return of(List.of(ByteBuffer.wrap(bytes)));
    }

    long size() {
        return size;
    }

    /** The body from its first byte; each call reads it again. */
    InputStream stream() {
        return new Stream(buffers.stream().map(ByteBuffer::duplicate).toList());
    }

    /** The first bytes of the body, at most {@code max}. */
    byte[] head(int max) {
        byte[] head = new byte[(int) Math.min(max, size)];
        int at = 0;
        for (ByteBuffer buffer : buffers) {
            if (at == head.length) {
                break;
            }
            int length = Math.min(buffer.remaining(), head.length - at);
            buffer.duplicate().get(head, at, length);
            at += length;
        }
        return head;
    }

    /** Reads the buffers one after another, moving their positions (they are this stream's own views). */
    private static final class Stream extends InputStream {

        private final List<ByteBuffer> buffers;
        private int current;

        Stream(List<ByteBuffer> buffers) {
            this.buffers = buffers;
        }

        @Override
        public int read() {
            ByteBuffer buffer = next();
            return buffer == null ? -1 : buffer.get() & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            ByteBuffer buffer = next();
            if (buffer == null) {
                return -1;
            }
            int read = Math.min(length, buffer.remaining());
            buffer.get(into, offset, read);
            return read;
        }

        @Override
        public int available() {
            ByteBuffer buffer = next();
            return buffer == null ? 0 : buffer.remaining();
        }

        /** The buffer with bytes left to read, or null at the end. */
        private ByteBuffer next() {
            while (current < buffers.size()) {
                ByteBuffer buffer = buffers.get(current);
                if (buffer.hasRemaining()) {
                    return buffer;
                }
                current++;
            }
            return null;
        }
    }
}
