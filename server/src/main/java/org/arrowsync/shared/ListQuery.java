package org.arrowsync.shared;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a repository lists one kind of row: its select (up to the where clause), the from clause alone (for the count)
 * and the order. A page and its total are read with the same filter, so every list endpoint pages and counts alike.
 * With a {@code key} (the rows' unique id column), a page is first chosen by key over the from clause alone and only
 * its rows are read with the select's columns: a deep page then walks keys, not the joins of every row it skips.
 */
public record ListQuery<T>(
        JdbcClient jdbc, String select, String from, String orderBy, RowMapper<T> mapper, String key) {

    /** A list whose pages are read in one statement. */
    public ListQuery(JdbcClient jdbc, String select, String from, String orderBy, RowMapper<T> mapper) {
        this(jdbc, select, from, orderBy, mapper, null);
    }

    /** One page of the rows the filter selects, and how many it selects in all. */
    public Listing<T> list(SqlFilter filter, PageRequest page) {
        return list(filter, page, countAll());
    }

    /** The count {@link #list(SqlFilter, PageRequest)} runs: every row the filter selects. */
    public String countAll() {
        return "select count(*)" + from;
    }

    /**
     * As {@link #list(SqlFilter, PageRequest)}, the total read by {@code count} (a select of one number up to its where
     * clause, taking the same filter): where the data already keeps how many rows a filter selects. A page past the
     * last is not read.
     */
    public Listing<T> list(SqlFilter filter, PageRequest page, String count) {
        return list(filter, page, count, filter);
    }

    /**
     * As {@link #list(SqlFilter, PageRequest, String)}, where the count reads counts kept in a table of another shape
     * and so takes a filter of its own, which selects as many rows as {@code filter} does.
     */
    public Listing<T> list(SqlFilter filter, PageRequest page, String count, SqlFilter countFilter) {
        long total = jdbc.sql(count + countFilter.clause())
                .params(countFilter.params())
                .query(Long.class)
                .single();
        return Listing.of(page.offset() < total ? page(filter, page) : List.of(), total, page);
    }

    /** One page of the rows the filter selects, without counting them. */
    public List<T> page(SqlFilter filter, PageRequest request) {
        return jdbc.sql(pageSql(filter))
                .params(filter.params(request))
                .query(mapper)
                .list();
    }

    /** PostgreSQL's plan of one page's query as it ran, with its buffers: how the hot lists are checked. */
    public List<String> plan(SqlFilter filter, PageRequest request) {
        return jdbc.sql("explain (analyze, buffers) " + pageSql(filter))
                .params(filter.params(request))
                .query(String.class)
                .list();
    }

    /** PostgreSQL's plan of a count (as {@link #list(SqlFilter, PageRequest, String)} takes it) as it ran. */
    public List<String> countPlan(SqlFilter filter, String count) {
        return jdbc.sql("explain (analyze, buffers) " + count + filter.clause())
                .params(filter.params())
                .query(String.class)
                .list();
    }

    private String pageSql(SqlFilter filter) {
        String window = filter.clause() + " order by " + orderBy + " offset ? limit ?";
        return key == null
                ? select + window
                : select + " where " + key + " in (select " + key + from + window + ") order by " + orderBy;
    }
}
