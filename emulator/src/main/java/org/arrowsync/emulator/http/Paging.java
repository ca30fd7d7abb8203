package org.arrowsync.emulator.http;

import java.util.Map;

/**
 * Page arithmetic plus each family's own pagination keys (docs/arrowsphere-api.md): customers, Waldur's license list
 * and catalog programs use snake_case, the license find camelCase with {@code totalPage}, statements and subscriptions
 * camelCase with URLs, exports camelCase without.
 */
final class Paging {

    static final int MAX_PER_PAGE = 1000;

    /** A 1-based page over {@code total} items. */
    record Page(int page, int perPage, long total) {

        Page {
            if (page < 1) {
                throw ApiError.badRequest("page must be >= 1");
            }
            if (perPage < 1 || perPage > MAX_PER_PAGE) {
                throw ApiError.badRequest("perPage must be between 1 and " + MAX_PER_PAGE);
            }
        }

        int totalPages() {
            return (int) Math.max(1, (total + perPage - 1) / perPage);
        }

        int from() {
            return (int) Math.min(total, (long) (page - 1) * perPage);
        }

        int to() {
            return (int) Math.min(total, (long) page * perPage);
        }

        boolean hasNext() {
            return page < totalPages();
        }
    }

    private Paging() {}

    /** customers / licenses: {@code page}, {@code per_page}. */
    static Page snake(Request request, long total) {
        return new Page(request.intParam("page", 1), request.intParam("per_page", 100), total);
    }

    static Map<String, Object> snakeKeys(Page p, String path) {
        return Json.obj(
                "per_page",
                p.perPage(),
                "current_page",
                p.page(),
                "total_page",
                p.totalPages(),
                "total",
                p.total(),
                "next",
                p.hasNext() ? "/" + path + "?page=" + (p.page() + 1) + "&per_page=" + p.perPage() : null,
                "previous",
                p.page() > 1 ? "/" + path + "?page=" + (p.page() - 1) + "&per_page=" + p.perPage() : null);
    }

    /** statements, statement lines and subscriptions: {@code page}, {@code perPage}. */
    static Page camel(Request request, long total, int defaultPerPage) {
        return new Page(request.intParam("page", 1), request.intParam("perPage", defaultPerPage), total);
    }

    static Map<String, Object> statementKeys(Page p, String path) {
        return Json.obj(
                "total",
                p.total(),
                "perPage",
                p.perPage(),
                "currentPage",
                p.page(),
                "totalPages",
                p.totalPages(),
                "prevUrl",
                p.page() > 1 ? "/" + path + "?page=" + (p.page() - 1) + "&perPage=" + p.perPage() : null,
                "nextUrl",
                p.hasNext() ? "/" + path + "?page=" + (p.page() + 1) + "&perPage=" + p.perPage() : null);
    }

    static Map<String, Object> exportKeys(Page p) {
        return Json.obj(
                "perPage", p.perPage(), "currentPage", p.page(), "total", p.total(), "totalPages", p.totalPages());
    }

    /** General envelope: {@code {"status":200,"data":...,"pagination":...}}. */
    static Response general(Object data, Map<String, Object> pagination) {
        Map<String, Object> body = Json.obj("status", 200, "data", data);
        if (pagination != null) {
            body.put("pagination", pagination);
        }
        return Response.json(200, body);
    }

    /** The export envelope as the one recorded real export answered ({@code Code} 200, no message). */
    static Response recordedExport(Object data, Map<String, Object> pagination) {
        return Response.json(200, Json.obj("code", 200, "data", data, "pagination", pagination));
    }

    /** Billing envelope: {@code {"code":0,"message":"success","data":...,"pagination":...}}. */
    static Response billing(Object data, Map<String, Object> pagination) {
        Map<String, Object> body = Json.obj("code", 0, "message", "success", "data", data);
        if (pagination != null) {
            body.put("pagination", pagination);
        }
        return Response.json(200, body);
    }
}
