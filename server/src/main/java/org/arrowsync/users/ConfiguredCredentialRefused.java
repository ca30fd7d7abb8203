package org.arrowsync.users;

/** A configured admin credential (token or password) that cannot be used: the start stops, saying which and why. */
final class ConfiguredCredentialRefused extends IllegalStateException {

    private final String variable;

    ConfiguredCredentialRefused(String variable, String why) {
        super(why);
        this.variable = variable;
    }

    /** The environment variable that holds it. */
    String variable() {
        return variable;
    }
}
