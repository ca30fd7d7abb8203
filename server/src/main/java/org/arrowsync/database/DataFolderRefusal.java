package org.arrowsync.database;

/**
 * The server will not start on this data folder: what it found and what to do, said apart so that the start-up failure
 * shows them as such ({@link DataFolderFailureAnalyzer}). Nothing in the folder was changed.
 */
abstract class DataFolderRefusal extends IllegalStateException {

    private final String found;
    private final String action;

    DataFolderRefusal(String found, String action) {
        super(found + " " + action);
        this.found = found;
        this.action = action;
    }

    String found() {
        return found;
    }

    String action() {
        return action;
    }
}
