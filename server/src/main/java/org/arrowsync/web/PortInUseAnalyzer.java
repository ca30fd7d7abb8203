package org.arrowsync.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** A port already in use names the setting that moves arrowsync elsewhere; before Spring Boot's generic advice. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortInUseAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        int port = cause.getPort();
        return new FailureAnalysis(
                "Port " + port + " is already in use by another program.",
                "Stop the program listening on port " + port + ", or start arrowsync on another port with SERVER_PORT,"
                        + " for example SERVER_PORT=" + (port == 0 ? 8081 : port + 1)
                        + " java -jar server/target/arrowsync-server.jar",
                cause);
    }
}
