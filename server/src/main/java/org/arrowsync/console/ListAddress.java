package org.arrowsync.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A console page's address with its filters, as its pager links its other pages (the layout's {@code pager}): each
 * value encoded as a form's (a {@code +} too, which a query reads as a space), so that a name holding {@code &},
 * {@code #} or {@code +} keeps its filter on page 2, and the address ending in {@code ?} or {@code &}, where the page
 * number goes.
 */
final class ListAddress {

    private final StringBuilder address;
    private char next = '?';

    private ListAddress(String path) {
        this.address = new StringBuilder(path);
    }

    static ListAddress of(String path) {
        return new ListAddress(path);
    }

    /** The filter {@code name}, when it has a value. */
    ListAddress with(String name, Object value) {
        if (value != null) {
            address.append(next)
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            next = '&';
        }
        return this;
    }

    /** The address as it is, to send a browser to. */
    String address() {
        return address.toString();
    }

    /** The address, ready for the pager to add {@code page=}. */
    String forPager() {
        return address.toString() + next;
    }
}
