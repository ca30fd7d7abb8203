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

    /**
     * How a list counts its rows: a select of one number up to its where clause, and the filter that clause takes.
     * Where the data keeps how many rows a filter selects, in a table of its own, the filter is one of that table's
     * that selects as many rows as the list's does.
     */
    public record Count(String select, SqlFilter filter) {

        String sql() {
            return select + filter.clause();
        }
    }

    /** One page of the rows the filter selects, and how many it selects in all. */
    public Listing<T> list(SqlFilter filter, PageRequest page) {
        return list(filter, page, countAll(filter));
    }

    /** The count {@link #list(SqlFilter, PageRequest)} runs: every row the filter selects. */
    public Count countAll(SqlFilter filter) {
        return new Count("select count(*)" + from, filter);
    }

    /** As {@link #list(SqlFilter, PageRequest)}, the total read by {@code count}. A page past the last is not read. */
    public Listing<T> list(SqlFilter filter, PageRequest asked, Count count) {
        long total = RequestTimings.time(
                "count",
                () -> jdbc.sql(count.sql())
                        .params(count.filter().params())
                        .query(Long.class)
                        .single());
        PageRequest page = asked.within(total);
        return Listing.of(page.offset() < total ? page(filter, page) : List.of(), total, page);
    }

    /** One page of the rows the filter selects, without counting them. */
    public List<T> page(SqlFilter filter, PageRequest request) {
        return RequestTimings.time(
                "page",
                () -> jdbc.sql(pageSql(filter))
                        .params(filter.params(request))
                        .query(mapper)
                        .list());
    }

    /** PostgreSQL's plan of one page's query as it ran, with its buffers: how the hot lists are checked. */
    public List<String> plan(SqlFilter filter, PageRequest request) {
        return jdbc.sql("explain (analyze, buffers) " + pageSql(filter))
                .params(filter.params(request))
                .query(String.class)
                .list();
    }

    /** PostgreSQL's plan of a count as it ran. */
    public List<String> countPlan(Count count) {
        return jdbc.sql("explain (analyze, buffers) " + count.sql())
                .params(count.filter().params())
                .query(String.class)
                .list();
    }

    /**
     * With a key, the page's keys are chosen first, as an array the statement's rows are then read by: as a condition
     * on the listed table, PostgreSQL reads those rows by key before any join. An {@code in (select …)} was planned as
     * a join, and past eight joined tables ({@code join_collapse_limit}) PostgreSQL joins in the order written, so that
     * join came last, after every row of the list had been joined to every other table (D228).
     */
    private String pageSql(SqlFilter filter) {
        String window = filter.clause() + " order by " + orderBy + " offset ? limit ?";
        return key == null
                ? select + window
                : select + " where " + key + " = any(array(select " + key + from + window + ")) order by " + orderBy;
    }
}
