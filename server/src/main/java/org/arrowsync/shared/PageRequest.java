package org.arrowsync.shared;

/** Waldur paging: 1-based {@code page}, {@code page_size} 10 by default and at most 300. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 300;

    public long offset() {
        return (long) (page - 1) * size;
    }
}
