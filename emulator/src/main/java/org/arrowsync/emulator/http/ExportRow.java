package org.arrowsync.emulator.http;

import java.time.format.DateTimeFormatter;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.Line;
import org.arrowsync.emulator.data.StatementState;

/** Everything one export row's columns are computed from. */
record ExportRow(Line line, Customer customer, StatementState state) {

    /** Export dates use the MM/DD/YYYY output format. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    String statementReference() {
        return Statements.reference(
                customer, line.period(), line.license().offer().programCode());
    }

    String validationDate() {
        return state.validationDate() == null ? "" : state.validationDate().format(DATE);
    }
}
