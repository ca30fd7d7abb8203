package org.arrowsync.shared;

/**
 * Waldur paging: 1-based {@code page} ({@code page=last} is the last, as DRF reads it), {@code page_size} 10 by default
 * and at most 300.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 300;
    /** {@code page=last}: the last page, known once the total is ({@link #within}). */
    public static final int LAST = Integer.MAX_VALUE;

    /** This page of a list of {@code total} rows: {@code page=last} becomes the last page (1 when there are none). */
    public PageRequest within(long total) {
        return page == LAST ? new PageRequest((int) Math.max(1, (total + size - 1) / size), size) : this;
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
