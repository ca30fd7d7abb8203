/** The log encoder that keeps stored secrets out of every log line, wired by logback-spring.xml. */
package org.arrowsync.shared.logging;
