package org.arrowsync.arrowclient;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The {@code pagination} object of any endpoint family, whatever its key spelling; null = not reported. A current page
 * of 0 (a recorded licenses answer says so) counts as not reported.
 */
record Pagination(Integer currentPage, Integer perPage, Integer totalPages, Long total) {

    static final Pagination NONE = new Pagination(null, null, null, null);

    static Pagination of(JsonNode root) {
        JsonNode node = Json.first(root, "pagination", "Pagination");
        if (!node.isObject()) {
            return NONE;
        }
        Integer current = Json.integer(node, "current_page", "currentPage", "CurrentPage", "Current_Page");
        return new Pagination(
                current == null || current < 1 ? null : current,
                Json.integer(node, "per_page", "perPage", "PerPage", "Per_Page"),
                Json.integer(node, "total_page", "totalPages", "totalPage", "TotalPages", "TotalPage", "Total_Page"),
                Json.longInteger(node, "total", "Total"));
    }

    /** Whether the answer says anything of the listing's size: its page size, its count of pages or of items. */
    boolean reported() {
        return perPage != null || totalPages != null || total != null;
    }

    /**
     * Whether the page with {@code items} items is the last one, {@code read} items read with it: the declared total of
     * pages decides, as the official clients let it, an empty page before it too (D301); else an empty page is; else
     * the total of items, read whole whatever the pages hold (an API may page by fewer than asked without saying so);
     * else a page shorter than the page size, where the answer gives it or the client asked for it ({@code sizeAsked}):
     * an answer that says nothing of its pages, to a client that asked for no size, ends only at an empty page (D280).
     */
    boolean isLast(int page, int items, long read, int defaultPerPage, boolean sizeAsked) {
        if (totalPages != null) {
            return page >= totalPages;
        }
        if (items == 0) {
            return true;
        }
        if (total != null) {
            return read >= total;
        }
        return (sizeAsked || reported()) && items < pageSize(defaultPerPage);
    }

    /**
     * What does not add up on this page without being a reason to stop or fail: another current page than the one
     * asked, or fewer items than the pagination promises for it.
     */
    List<String> irregularities(int page, int items, long read, int defaultPerPage) {
        List<String> found = new ArrayList<>();
        if (items > 0 && currentPage != null && currentPage != page) {
            found.add("answered page " + currentPage + " when asked for page " + page);
        }
        if (isShort(page, items, read, defaultPerPage)) {
            found.add("returned a short page " + page + (totalPages == null ? "" : " of " + totalPages) + " (" + items
                    + " items, page size " + pageSize(defaultPerPage) + (total == null ? "" : ", total " + total)
                    + ")");
        }
        return found;
    }

    /**
     * Whether a page holds fewer items than the pagination promises for it, {@code read} items read with it: items are
     * missing. A page after the first may come back empty short of the declared end (its rows missing, not the export's
     * end); an empty first page is an empty export (D3). Without a page size, only an empty page before the declared
     * total is read says so.
     */
    boolean isShort(int page, int items, long read, int defaultPerPage) {
        int size = pageSize(defaultPerPage);
        long promised;
        if (totalPages != null && page < totalPages) {
            promised = size;
        } else if (total != null && perPage != null) {
            promised = Math.min(size, total - (long) (page - 1) * size);
        } else {
            promised = total != null && items == 0 ? total - read : 0;
        }
        return (items > 0 || page > 1) && items < promised;
    }

    /**
     * Whether this page counts fewer items than page 1 did ({@code first}): a line gone from a page already read moves
     * the rows after it one place back, and one of them onto that page, never read (D182). More items move rows
     * forward, to be read twice, which every reader counts once. The total of items is compared where page 1 gave one
     * its count and size of pages agree with, else the count of pages.
     */
    boolean shrankFrom(Pagination first) {
        return comparedWith(first) < 0;
    }

    /** Whether the listing counts more than {@code first} did, by its total or else its count of pages (D243). */
    boolean grewFrom(Pagination first) {
        return comparedWith(first) > 0;
    }

    /**
     * How many items the listing counts more than {@code first} did (negative: fewer), where both give a total that
     * their count and size of pages agree with; null where they do not (D243).
     */
    Long growthFrom(Pagination first) {
        return total != null && first.total != null && first.totalAgrees() ? total - first.total : null;
    }

    /** The listing's size against {@code first}'s: by its total, else by its count of pages; 0 when neither tells. */
    private int comparedWith(Pagination first) {
        Long growth = growthFrom(first);
        if (growth != null) {
            return Long.signum(growth);
        }
        return totalPages != null && first.totalPages != null ? Integer.compare(totalPages, first.totalPages) : 0;
    }

    /** A total of items that the count and size of pages agree with, where both are given: the whole listing's. */
    private boolean totalAgrees() {
        if (totalPages == null || perPage == null || perPage < 1) {
            return true;
        }
        return (long) (totalPages - 1) * perPage < total && total <= (long) totalPages * perPage;
    }

    /** The listing's size as this pagination gives it, for a message. */
    String describe() {
        if (total != null) {
            return total + " items";
        }
        return totalPages == null ? "no total" : totalPages + " pages";
    }

    private int pageSize(int defaultPerPage) {
        return perPage != null && perPage > 0 ? perPage : defaultPerPage;
    }
}
