package org.arrowsync.shared;

/**
 * An answer written as CSV ({@code text/csv}): a controller returns one and the web layer hands it a {@link Csv} over
 * the response, so rows go to the client as they are produced.
 */
@FunctionalInterface
public interface CsvBody {

    void writeTo(Csv csv);
}
