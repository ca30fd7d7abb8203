package org.arrowsync.arrowclient;

import java.util.List;

/**
 * One page of a billing export.
 *
 * @param headers the export's column names
 * @param rows this page's rows
 * @param page the page number, from 1
 * @param totalPages the total reported by Arrow; 0 when Arrow did not report it
 */
public record ExportPage(List<String> headers, List<ExportRow> rows, int page, int totalPages) {

    public ExportPage {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
