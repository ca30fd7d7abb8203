package org.arrowsync.web;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Refuses a busy port as soon as the configuration is known, before the embedded database starts and migrations run, so
 * the operator reads the port's message alone, at once. The web server still reports a port taken in between.
 */
public final class PortCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return;
        }
        String address = environment.getProperty("server.address", "");
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(
                    address.isBlank()
                            ? new InetSocketAddress(port)
                            : new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            // Only a port another program holds; anything else (a privileged port, an unknown address) is the web
            // server's to report, in its own words.
            if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
                throw new PortInUseException(port, e);
            }
        }
    }
}
