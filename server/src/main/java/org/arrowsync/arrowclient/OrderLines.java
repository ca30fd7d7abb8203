package org.arrowsync.arrowclient;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells apart the lines of one order in an export read without {@code Sequence} (D190). {@code Order Id} then stands
 * for the line, but Arrow keeps one order's id for every line of the subscription, month after month, so a month may
 * list several rows of one order: each is a line of its own, numbered per order and month in the order the export lists
 * them ({@code "ORD-1"}, {@code "ORD-1 #2"}, …). Such an export is read whole ({@link Exports}), and a row read again
 * with the same cells, every one of them (a page Arrow shifted while it was read, a line Arrow lists twice), is the
 * line already numbered. One instance per read of an export, pages in order.
 */
final class OrderLines {

    static final String SEQUENCE = "Sequence";
    static final String ORDER = "Order Id";
    private static final String PERIOD = "Report Period";

    /** Per order and month, a digest of each of its lines' cells, in the order they came. */
    private final Map<String, List<Digest>> linesByOrder = new HashMap<>();

    /** The line reference of a row that is the {@code occurrence}-th line of its order. */
    static String reference(String read, int occurrence) {
        return occurrence > 1 && read != null ? read + " #" + occurrence : read;
    }

    /** The page's rows, each numbered as the line of its order it is. Rows with a Sequence are left as they are. */
    ExportPage number(ExportPage page) {
        List<ExportRow> rows = new ArrayList<>(page.rows().size());
        boolean renumbered = false;
        for (ExportRow row : page.rows()) {
            ExportRow numbered = row.asOccurrence(occurrence(row));
            renumbered |= numbered != row;
            rows.add(numbered);
        }
        return renumbered
                ? new ExportPage(
                        page.headers(), rows, page.page(), page.totalPages(), page.warnings(), page.shortened())
                : page;
    }

    private int occurrence(ExportRow row) {
        String order = row.value(SEQUENCE) == null ? row.value(ORDER) : null;
        if (order == null) {
            return 1;
        }
        // per month: an export that lists another month's rows too (D160) leaves this month's numbers as they are
        String period = row.value(PERIOD);
        List<Digest> lines = linesByOrder.computeIfAbsent(
                period == null ? order : order + '\u0000' + period, key -> new ArrayList<>(1));
        Digest cells = Digest.of(row.cells());
        int seen = lines.indexOf(cells);
        if (seen >= 0) {
            return seen + 1;
        }
        lines.add(cells);
        return lines.size();
    }

    /** 128 bits of the SHA-256 of a row's cells, each with its length: two rows alike in it are alike in every cell. */
    private record Digest(long high, long low) {

        static Digest of(List<String> cells) {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
            for (String cell : cells) {
                byte[] bytes = cell == null ? new byte[0] : cell.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES)
                        .putInt(cell == null ? -1 : bytes.length)
                        .array());
                sha.update(bytes);
            }
            ByteBuffer digest = ByteBuffer.wrap(sha.digest());
            return new Digest(digest.getLong(), digest.getLong());
        }
    }
}
