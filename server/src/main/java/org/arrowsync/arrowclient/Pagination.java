package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;

/** The {@code pagination} object of any endpoint family, whatever its key spelling; null = not reported. */
record Pagination(Integer currentPage, Integer perPage, Integer totalPages, Long total) {

    static final Pagination NONE = new Pagination(null, null, null, null);

    static Pagination of(JsonNode root) {
        JsonNode node = Json.first(root, "pagination", "Pagination");
        if (!node.isObject()) {
            return NONE;
        }
        return new Pagination(
                Json.integer(node, "current_page", "currentPage", "CurrentPage"),
                Json.integer(node, "per_page", "perPage", "PerPage"),
                Json.integer(node, "total_page", "totalPages", "totalPage", "TotalPages", "TotalPage"),
                Json.longInteger(node, "total", "Total"));
    }

    /** What to do after a page with {@code items} items. */
    enum Next {
        CONTINUE,
        LAST,
        SHORT_PAGE
    }

    /**
     * Empty page → last. A page with fewer items than the pagination promises for it (page size before the last page;
     * the remainder of {@code total} on the last page when the page size is reported) contradicts the pagination.
     * Otherwise: last when total pages (or total items) are reached; with neither reported, a page shorter than the
     * page size is the last one.
     */
    Next after(int page, int items, int defaultPerPage) {
        if (items == 0) {
            return Next.LAST;
        }
        int size = perPage != null && perPage > 0 ? perPage : defaultPerPage;
        long before = (long) (page - 1) * size;
        if (totalPages != null && page < totalPages && items < size) {
            return Next.SHORT_PAGE;
        }
        if (total != null && perPage != null && items < Math.min(size, total - before)) {
            return Next.SHORT_PAGE;
        }
        if (totalPages != null) {
            return page >= totalPages ? Next.LAST : Next.CONTINUE;
        }
        if (total != null && perPage != null) {
            return before + items >= total ? Next.LAST : Next.CONTINUE;
        }
        return items < size ? Next.LAST : Next.CONTINUE;
    }
}
