package org.arrowsync.emulator.http;

import java.time.format.DateTimeFormatter;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.Line;
import org.arrowsync.emulator.data.StatementState;

/** Everything one export row's columns are computed from, and the output format its dates are written in. */
record ExportRow(Line line, Customer customer, StatementState state, DateTimeFormatter dates) {

    String statementReference() {
        return Statements.reference(
                customer, line.period(), line.license().offer().programCode());
    }

    String validationDate() {
        return state.validationDate() == null ? "" : state.validationDate().format(dates);
    }
}
