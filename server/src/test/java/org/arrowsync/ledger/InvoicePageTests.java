package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.arrowsync.ledger.InvoiceService.InvoiceWithItems;
import org.arrowsync.ledger.Resource.Ref;
import org.junit.jupiter.api.Test;

/** D316: a page of invoices is read in parts of about {@link InvoicePage#ITEMS_READ_TOGETHER} items, each once. */
class InvoicePageTests {

    private final List<List<Long>> reads = new ArrayList<>();

    @Test
    void aPageOfFewItemsIsReadInOnePartAtOnce() {
        List<Invoice> invoices = invoices(100);
        InvoicePage page = InvoicePage.of(invoices, counts(invoices, 49), this::read);

        assertThat(page.parts()).isEqualTo(1);
        assertThat(reads).as("read before the answer is written").hasSize(1);
        assertThat(page).hasSize(100);
        assertThat(reads).hasSize(1);
    }

    @Test
    void aPageOfManyItemsIsReadPartByPartInOrderEachOnce() {
        List<Invoice> invoices = invoices(10);
        Map<Long, Long> counts = counts(invoices, 7_000);
        counts.put(invoices.get(5).id(), 50_000L); // one invoice over a part's size is a part of its own
        InvoicePage page = InvoicePage.of(invoices, counts, this::read);

        assertThat(reads).hasSize(1);
        List<Long> written =
                page.stream().map(invoice -> invoice.invoice().id()).toList();

        assertThat(written)
                .containsExactlyElementsOf(invoices.stream().map(Invoice::id).toList());
        assertThat(reads)
                .containsExactly(
                        List.of(0L, 1L), List.of(2L, 3L), List.of(4L), List.of(5L), List.of(6L, 7L), List.of(8L, 9L));
        assertThat(page.parts()).isEqualTo(6);
    }

    @Test
    void anEmptyPageReadsNothing() {
        InvoicePage page = InvoicePage.of(List.of(), Map.of(), this::read);

        assertThat(page).isEmpty();
        assertThat(reads).isEmpty();
    }

    private List<InvoiceWithItems> read(List<Invoice> part) {
        reads.add(part.stream().map(Invoice::id).toList());
        return part.stream()
                .map(invoice -> new InvoiceWithItems(invoice, List.of()))
                .toList();
    }

    private static List<Invoice> invoices(int count) {
        return IntStream.range(0, count)
                .mapToObj(id -> new Invoice(
                        id,
                        UUID.randomUUID(),
                        new Ref(id, UUID.randomUUID(), "Customer " + id),
                        2026,
                        10,
                        InvoiceState.PENDING,
                        Instant.EPOCH,
                        Instant.EPOCH))
                .toList();
    }

    private static Map<Long, Long> counts(List<Invoice> invoices, long each) {
        Map<Long, Long> counts = new HashMap<>();
        invoices.forEach(invoice -> counts.put(invoice.id(), each));
        return counts;
    }
}
