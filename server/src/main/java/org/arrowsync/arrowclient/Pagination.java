package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;

/**
 * The {@code pagination} object of any endpoint family, whatever its key spelling; null = not reported.
 */
record Pagination(Integer currentPage, Integer perPage, Integer totalPages) {

    static final Pagination NONE = new Pagination(null, null, null);

    static Pagination of(JsonNode root) {
        JsonNode node = Json.first(root, "pagination", "Pagination");
        if (!node.isObject()) {
            return NONE;
        }
        return new Pagination(
                Json.integer(node, "current_page", "currentPage", "CurrentPage"),
                Json.integer(node, "per_page", "perPage", "PerPage"),
                Json.integer(node, "total_page", "totalPages", "totalPage", "TotalPages", "TotalPage"));
    }

    /** What to do after a page with {@code items} items. */
    enum Next { CONTINUE, LAST, SHORT_PAGE }

    /**
     * Empty page → last. Known total pages: last when reached; a page shorter than the page size before
     * that contradicts the pagination. Unknown total pages: a short page is the last one.
     */
    Next after(int page, int items, int defaultPerPage) {
        if (items == 0) {
            return Next.LAST;
        }
        int size = perPage != null && perPage > 0 ? perPage : defaultPerPage;
        if (totalPages != null) {
            if (page >= totalPages) {
                return Next.LAST;
            }
            return items < size ? Next.SHORT_PAGE : Next.CONTINUE;
        }
        return items < size ? Next.LAST : Next.CONTINUE;
    }
}
