package org.arrowsync.shared;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a repository lists one kind of row: its select (up to the where clause), the from clause alone (for the count)
 * and the order. A page and its total are read with the same filter, so every list endpoint pages and counts alike.
 */
public record ListQuery<T>(JdbcClient jdbc, String select, String from, String orderBy, RowMapper<T> mapper) {

    /** One page of the rows the filter selects, and how many it selects in all. */
    public Listing<T> list(SqlFilter filter, PageRequest page) {
        long total = jdbc.sql("select count(*)" + from + filter.clause())
                .params(filter.params())
                .query(Long.class)
                .single();
        return Listing.of(page(filter, page), total, page);
    }

    /** One page of the rows the filter selects, without counting them. */
    public List<T> page(SqlFilter filter, PageRequest page) {
        return jdbc.sql(select + filter.clause() + " order by " + orderBy + " offset ? limit ?")
                .params(filter.params(page))
                .query(mapper)
                .list();
    }
}
