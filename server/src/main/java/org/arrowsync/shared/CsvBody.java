package org.arrowsync.shared;

/**
 * An answer written as CSV ({@code text/csv}): a controller returns one and the web layer hands it a {@link Csv} over
 * the response, so rows go to the client as they are produced.
 */
@FunctionalInterface
public interface CsvBody {

    /** The media type of a CSV answer, as handlers declare what they produce. */
    String MEDIA_TYPE = "text/csv";

    void writeTo(Csv csv);
}
