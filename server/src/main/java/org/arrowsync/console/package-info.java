/**
 * The operator console: server-rendered pages (Thymeleaf, htmx) for the month-end close, signed in with a password. It
 * calls the same services as the API and holds no business rule of its own.
 */
package org.arrowsync.console;
