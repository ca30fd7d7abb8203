package org.arrowsync.arrowclient;

import java.util.List;

/**
 * One page of a billing export.
 *
 * @param headers the export's column names
 * @param rows this page's rows
 * @param page the page number, from 1
 * @param totalPages the total reported by Arrow; 0 when Arrow did not report it
 * @param warnings what did not add up on this page (a short page, another page number than asked), already logged
 * @param shortened the page holds fewer rows than its pagination promises: rows of the export are missing
 */
public record ExportPage(
        List<String> headers,
        List<ExportRow> rows,
        int page,
        int totalPages,
        List<String> warnings,
        boolean shortened) {

    public ExportPage {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }
}
