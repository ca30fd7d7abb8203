package org.arrowsync.ledger;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;
import org.arrowsync.ledger.InvoiceService.InvoiceWithItems;

/**
 * A page of invoices with their items, whose items are read a part of the page at a time, each part's invoices holding
 * about {@link #ITEMS_READ_TOGETHER} items: a page of invoices of a million items written as a whole filled the heap (a
 * server at {@code -Xmx768m} ran out of memory and stopped answering). The first part is read at once; each next one as
 * the answer reaches it, the part before released. A page of the usual size (a hundred invoices of 4,900 items) is one
 * part, read in the statements it always took (D154). Read in order, as an answer is written, each part is read once.
 */
final class InvoicePage extends AbstractList<InvoiceWithItems> implements RandomAccess {

    /** The items read together at most, unless one invoice holds more. */
    static final long ITEMS_READ_TOGETHER = 20_000;

    private final List<Invoice> invoices;
    /** The index of the first invoice of each part, and the page's size after the last. */
    private final List<Integer> starts;

    private final Function<List<Invoice>, List<InvoiceWithItems>> read;
    private int part = -1;
    private List<InvoiceWithItems> partRead = List.of();

    private InvoicePage(
            List<Invoice> invoices, List<Integer> starts, Function<List<Invoice>, List<InvoiceWithItems>> read) {
        this.invoices = invoices;
        this.starts = starts;
        this.read = read;
    }

    /** The page, its first part read; {@code itemCounts}: each invoice's items as the invoices keep them. */
    static InvoicePage of(
            List<Invoice> invoices, Map<Long, Long> itemCounts, Function<List<Invoice>, List<InvoiceWithItems>> read) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        long inPart = 0;
        for (int i = 0; i < invoices.size(); i++) {
            long items = itemCounts.getOrDefault(invoices.get(i).id(), 0L);
            if (inPart > 0 && inPart + items > ITEMS_READ_TOGETHER) {
                starts.add(i);
                inPart = 0;
            }
            inPart += items;
        }
        starts.add(invoices.size());
        InvoicePage page = new InvoicePage(List.copyOf(invoices), List.copyOf(starts), read);
        if (!invoices.isEmpty()) {
            page.get(0);
        }
        return page;
    }

    /** How many parts the page is read in. */
    int parts() {
        return starts.size() - 1;
    }

    @Override
    public InvoiceWithItems get(int index) {
        int of = partOf(index);
        if (of != part) {
            partRead = List.of(); // released before the next part is read
            partRead = read.apply(invoices.subList(starts.get(of), starts.get(of + 1)));
            part = of;
        }
        return partRead.get(index - starts.get(of));
    }

    @Override
    public int size() {
        return invoices.size();
    }

    private int partOf(int index) {
        if (index < 0 || index >= invoices.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int of = 0;
        while (starts.get(of + 1) <= index) {
            of++;
        }
        return of;
    }
}
