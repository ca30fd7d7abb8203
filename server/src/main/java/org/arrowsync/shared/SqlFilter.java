package org.arrowsync.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code where} clause of a list query from optional filters, so every list endpoint writes its filters the
 * same way: absent filters add nothing, values always travel as bind parameters.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public SqlFilter eq(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = ?");
            params.add(value);
        }
        return this;
    }

    public SqlFilter iexact(String column, String value) {
        if (value != null) {
            conditions.add("lower(" + column + ") = lower(?)");
            params.add(value);
        }
        return this;
    }

    /**
     * {@link #iexact} on a column a check of its table holds to lower case: the column is compared as it is, so that a
     * plain index of it serves the filter, and a count reads that index alone.
     */
    public SqlFilter iexactOnLowerCase(String column, String value) {
        if (value != null) {
            conditions.add(column + " = lower(?)");
            params.add(value);
        }
        return this;
    }

    public SqlFilter icontains(String column, String value) {
        return icontainsAny(value, column);
    }

    /**
     * {@code icontains} on a column, together with a condition on the same pattern that holds for every row the column
     * matches in, so that PostgreSQL can find those rows through an index the condition uses (a larger text holding the
     * column's values). The condition must have exactly one {@code ?}: the pattern.
     */
    public SqlFilter icontainsWithin(String column, String value, String candidates) {
        if (value != null && !value.isEmpty()) {
            where(candidates, containsPattern(value));
            icontains(column, value);
        }
        return this;
    }

    /**
     * {@code icontains} on a column of few distinct values, all of which another table's column holds: the values that
     * match are found there, once a statement, and each row's value is compared with them instead of searched. The
     * table and its column are written into the statement, so they must be the caller's constants.
     */
    public SqlFilter icontainsAmong(String column, String value, String table, String tableColumn) {
        if (value != null && !value.isEmpty()) {
            conditions.add(column + " = any(array(select distinct among." + tableColumn + " from " + table
                    + " among where among." + tableColumn + " ilike ? escape '\\'))");
            params.add(containsPattern(value));
        }
        return this;
    }

    /** Django's {@code icontains} over several columns, as a search box filters: a row matches where any one does. */
    public SqlFilter icontainsAny(String value, String... columns) {
        if (value != null && !value.isEmpty()) {
            String pattern = containsPattern(value);
            List<String> any = new ArrayList<>();
            for (String column : columns) {
                any.add(column + " ilike ? escape '\\'");
                params.add(pattern);
            }
            conditions.add(any.size() == 1 ? any.get(0) : "(" + String.join(" or ", any) + ")");
        }
        return this;
    }

    /** An {@code ilike} pattern (escape character a backslash) that matches any text containing the value. */
    private static String containsPattern(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A multiple-choice filter: the column is one of the values; none given adds nothing. */
    public SqlFilter anyOf(String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            conditions.add(column + " = any(?)");
            params.add(values.toArray(String[]::new));
        }
        return this;
    }

    public SqlFilter atLeast(String column, Object value) {
        if (value != null) {
            conditions.add(column + " >= ?");
            params.add(value);
        }
        return this;
    }

    public SqlFilter atMost(String column, Object value) {
        if (value != null) {
            conditions.add(column + " <= ?");
            params.add(value);
        }
        return this;
    }

    public SqlFilter before(String column, Object value) {
        if (value != null) {
            conditions.add(column + " < ?");
            params.add(value);
        }
        return this;
    }

    /** A raw condition for the rare filter that needs one; its value still goes as a parameter. */
    public SqlFilter where(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    public String clause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public List<Object> params() {
        return List.copyOf(params);
    }

    /** The filter's parameters followed by {@code offset} and {@code limit}, for a paged query. */
    public List<Object> params(PageRequest page) {
        List<Object> all = new ArrayList<>(params);
        all.add(page.offset());
        all.add(page.size());
        return all;
    }
}
