package org.arrowsync.settings;

import org.arrowsync.shared.Rejected;
import org.arrowsync.shared.Uuids;

/** The settings name no billing-export template, and every export call needs one. */
public final class ExportTemplateMissing extends Rejected {

    ExportTemplateMissing(Settings settings) {
        super("Arrow settings " + Uuids.hex(settings.uuid()) + " have no export template (export_type_reference)");
    }
}
