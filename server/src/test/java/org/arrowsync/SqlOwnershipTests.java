package org.arrowsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * SQL stays in the module that owns the table. A module writes only its own tables, and reads another module's table
 * only where it depends on that module in code, so the dependency the SQL makes is one {@link ModularityTests} sees and
 * checks (no cycle, no reaching upstream). The SQL is read from the string literals and text blocks of each module's
 * sources; who owns which table is declared here, once.
 */
class SqlOwnershipTests {

    /** Each table of the schema and the module that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("users", "users"),
            Map.entry("user_tokens", "users"),
            Map.entry("customers", "ledger"),
            Map.entry("projects", "ledger"),
            Map.entry("offerings", "ledger"),
            Map.entry("offering_components", "ledger"),
            Map.entry("plans", "ledger"),
            Map.entry("resources", "ledger"),
            Map.entry("invoices", "ledger"),
            Map.entry("invoice_items", "ledger"),
            Map.entry("invoice_counts", "ledger"),
            Map.entry("license_billing", "ledger"),
            Map.entry("unlicensed_billing", "ledger"),
            Map.entry("arrow_settings", "settings"),
            Map.entry("vendor_offering_mappings", "settings"),
            Map.entry("arrow_call_health", "settings"),
            Map.entry("price_rules", "pricing"),
            Map.entry("customer_mappings", "mappings"),
            Map.entry("billing_syncs", "billing"),
            Map.entry("billing_sync_items", "billing"),
            Map.entry("billing_sync_runs", "billing"),
            Map.entry("billing_sync_changes", "billing"),
            Map.entry("billing_unmatched_lines", "billing"),
            Map.entry("billing_vendor_totals", "billing"),
            Map.entry("billing_sync_item_counts", "billing"),
            Map.entry("billing_month_item_counts", "billing"),
            Map.entry("billing_sync_counts", "billing"),
            Map.entry("billing_sync_references", "billing"),
            Map.entry("consumption_records", "consumption"),
            Map.entry("consumption_record_counts", "consumption"),
            Map.entry("consumption_sync_runs", "consumption"),
            Map.entry("runtime_flags", "consumption"),
            Map.entry("arrow_jobs", "jobs"),
            Map.entry("scheduled_tasks", "jobs"),
            Map.entry("audit_log", "audit"),
            Map.entry("webhooks", "webhooks"),
            Map.entry("webhook_deliveries", "webhooks"),
            Map.entry("webhook_tasks", "webhooks"));

    private static final Path SOURCES = Path.of("src/main/java/org/arrowsync");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern READ =
            Pattern.compile("\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasOneOwningModule() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher table = CREATE.matcher(Files.readString(file));
                while (table.find()) {
                    created.add(table.group(1).toLowerCase());
                }
            }
        }
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void modulesWriteOnlyTheirTablesAndReadOnlyTablesOfModulesTheyDependOn() throws IOException {
        ApplicationModules modules = ApplicationModules.of(Application.class);
        assertThat(modules.stream().map(ApplicationModule::getName)).containsAll(Set.copyOf(OWNERS.values()));
        List<String> violations = new ArrayList<>();
        for (ApplicationModule module : modules) {
            Path sources = SOURCES.resolve(module.getName());
            if (!Files.isDirectory(sources)) {
                continue; // the emulator, whose sources live in a module of their own and hold no SQL
            }
            Set<String> dependencies = module.getDirectDependencies(modules)
                    .uniqueModules()
                    .map(ApplicationModule::getName)
                    .collect(Collectors.toSet());
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file :
                        files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    violations.addAll(violations(
                            module.getName(),
                            dependencies,
                            file.getFileName().toString(),
                            sql(Files.readString(file))));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aForeignTableIsFoundInTheLiteralsOfAClass() {
        String source = """
                class Resources {
                    // select 1 from billing_syncs (a comment is no SQL)
                    boolean hasConsumption(long id) {
                        return jdbc.sql("select exists (select 1 from consumption_records where resource_id = ?)");
                    }
                    void close() {
                        jdbc.sql(\"""
                                update invoices set state = 'created'
                                where id = ?\""");
                    }
                }
                """;
        assertThat(violations("ledger", Set.of("shared"), "Resources.java", sql(source)))
                .containsExactly(
                        "ledger (Resources.java) reads consumption_records of consumption, a module it does not depend on");
        assertThat(violations("billing", Set.of("ledger"), "Items.java", sql(source)))
                .containsExactlyInAnyOrder(
                        "billing (Items.java) reads consumption_records of consumption, a module it does not depend on",
                        "billing (Items.java) writes invoices of ledger");
    }

    /** The text of a source's string literals and text blocks, one after the other. */
    private static String sql(String source) {
        StringBuilder sql = new StringBuilder();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2))
                    .append('\n');
        }
        return sql.toString();
    }

    private static List<String> violations(String module, Set<String> dependencies, String file, String sql) {
        Set<String> found = new TreeSet<>();
        Matcher write = WRITE.matcher(sql);
        while (write.find()) {
            String owner = OWNERS.get(write.group(1).toLowerCase());
            if (owner != null && !owner.equals(module)) {
                found.add(module + " (" + file + ") writes " + write.group(1) + " of " + owner);
            }
        }
        Matcher read = READ.matcher(sql);
        while (read.find()) {
            String owner = OWNERS.get(read.group(1).toLowerCase());
            if (owner != null && !owner.equals(module) && !dependencies.contains(owner)) {
                found.add(module + " (" + file + ") reads " + read.group(1) + " of " + owner
                        + ", a module it does not depend on");
            }
        }
        return List.copyOf(found);
    }
}
