package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D140: an invoice's copy of its customer's name follows a rename made while the invoice is being written, whichever
 * transaction commits first (two connections, each waiting on the other's row as PostgreSQL makes it).
 */
class InvoiceCustomerNameRaceIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private long customer;

    @BeforeEach
    void customer() {
        customer = jdbc.sql("insert into customers (uuid, name, created, modified) values (?, 'Before', now(), now())"
                        + " returning id")
                .param(UUID.randomUUID())
                .query(Long.class)
                .single();
    }

    @AfterEach
    void deleteCustomer() {
        jdbc.sql("delete from customers where id = ?").param(customer).update();
    }

    @Test
    void aRenameCommittedWhileAnInvoiceIsWrittenRenamesThatInvoice() throws Exception {
        try (Connection writer = dataSource.getConnection();
                Connection renamer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            insertInvoice(writer, 1);
            int renaming = pid(renamer);
            CompletableFuture<Void> rename = CompletableFuture.runAsync(() -> rename(renamer, "After"));
            awaitWaitingOrDone(renaming, rename);
            writer.commit();
            rename.get();
        }

        assertThat(names()).containsExactly("After");
    }

    @Test
    void anInvoiceWrittenWhileARenameIsInFlightTakesTheNewName() throws Exception {
        try (Connection renamer = dataSource.getConnection();
                Connection writer = dataSource.getConnection()) {
            renamer.setAutoCommit(false);
            rename(renamer, "Renamed");
            int writing = pid(writer);
            CompletableFuture<Void> insert = CompletableFuture.runAsync(() -> {
                try {
                    insertInvoice(writer, 2);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWaitingOrDone(writing, insert);
            renamer.commit();
            insert.get();
        }

        assertThat(names()).containsExactly("Renamed");
    }

    private void insertInvoice(Connection connection, int month) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into invoices (uuid, customer_id, year, month, created, modified) values (?, ?, 2003, ?, now(), now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setLong(2, customer);
            insert.setInt(3, month);
            insert.executeUpdate();
        }
    }

    private void rename(Connection connection, String name) {
        try (PreparedStatement update = connection.prepareStatement("update customers set name = ? where id = ?")) {
            update.setString(1, name);
            update.setLong(2, customer);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Until the other connection (its backend's pid, asked before its work began: a connection runs one statement at a
     * time, and its work holds it) waits for a lock, or, were nothing to make it wait, has finished: at most 5 s.
     */
    private void awaitWaitingOrDone(int pid, CompletableFuture<Void> work) throws Exception {
        for (int i = 0; i < 100 && !work.isDone(); i++) {
            if (jdbc.sql("select wait_event_type = 'Lock' from pg_stat_activity where pid = ?")
                    .param(pid)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select pg_backend_pid()");
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private List<String> names() {
        return jdbc.sql("select customer_name from invoices where customer_id = ?")
                .param(customer)
                .query(String.class)
                .list();
    }
}
