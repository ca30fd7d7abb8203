package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Hostile requests over every operation of the served OpenAPI document, generated from it: every path and query
 * parameter and every body field (and the fields of a list's items) gets a value of each hostile class (NUL, overlong,
 * wrong type, CRLF, odd unicode, numbers out of range, malformed uuids, dates and URLs, nulls in lists); every
 * operation gets unacceptable {@code Accept} headers, and every body unsupported content types, malformed, oversized
 * and deeply nested JSON. The paths address real objects, and the other fields hold plausible values, so that each
 * hostile value meets the validation it is aimed at. Whatever comes: no 5xx, every refusal a 4xx with a JSON error
 * body, and a refused request writes nothing (no transaction of it left a trace in the database).
 *
 * <p>One value of each class per field (the class's values taken in turn across fields), not every combination: every
 * operation, field and class is covered in about a minute.
 */
@TestPropertySource(properties = "arrowsync.http.max-parameters=100") // a context, and a database, of its own
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsIntegrationTests extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(HostileRequestsIntegrationTests.class);

    /** Classes of hostile values; a JSON body gets them as they are, a parameter as text. */
    private static final Map<String, List<Object>> CLASSES = classes();

    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "garbage", "image/png");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "garbage", "multipart/form-data", "application/x-www-form-urlencoded");
    private static final List<String> MALFORMED_BODIES = List.of("{not json", "[]", "\"text\"", "42", "null", "");
    private static final String NO_SUCH_UUID = "0123456789abcdef0123456789abcdef";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    @Autowired
    JdbcClient jdbc;

    private final Map<String, String> uuidsByCollection = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, String> plausible = new HashMap<>();
    private String databaseState;
    private int requests;
    private int rotation;

    private static Map<String, List<Object>> classes() {
        Map<String, List<Object>> classes = new LinkedHashMap<>();
        classes.put("NUL", List.of("a\u0000b", "\u0000"));
        classes.put("overlong", List.of("x".repeat(20_000), "é".repeat(6_000)));
        classes.put("wrong type", List.of(12345, true, Map.of("a", 1), List.of(1, 2), 1.5, "abc"));
        classes.put("CRLF", List.of("a\r\nX-Injected: 1", "\r\n", "line\nbreak"));
        classes.put("unicode", List.of("\ud800", "\udfff tail", "😀\u202e\u0301", "\uffff\ufeff", "ｆｕｌｌ"));
        classes.put(
                "out of range",
                List.of(
                        new BigInteger("9223372036854775808"),
                        -1,
                        0,
                        new BigDecimal("1e400"),
                        2_147_483_648L,
                        -2_147_483_649L));
        classes.put(
                "malformed uuid",
                List.of(
                        "not-a-uuid",
                        "0123456789abcdef0123456789abcdeg",
                        "'; drop table users; --",
                        "00000000-0000-0000-0000-00000000000"));
        classes.put("malformed date", List.of("2026-13", "0000-00", "2026-02-30", "9999-99-99T99:99:99Z", "-1"));
        classes.put("date Java reads but PostgreSQL cannot store", List.of("+999999999-01-01"));
        classes.put(
                "malformed URL",
                List.of(
                        "http://arrow.example:99999/",
                        "http://[::1",
                        "javascript:alert(1)",
                        "http://a b/",
                        "https://arrow.example@evil.example/",
                        "http://arrow.example:-1/"));
        classes.put("null in list", Collections.singletonList(null));
        return classes;
    }

    @Test
    void everyOperationAnswersHostileInputWithA4xxAndAJsonErrorAndWritesNothing(CapturedOutput output) {
        try (ArrowFixture world = ArrowFixture.on(api, jdbc, Emulator.options())) {
            buildWorld(world);
            OpenAPI document = served();
            long started = System.nanoTime();
            int operations = 0;
            for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                        path.getValue().readOperationsMap().entrySet()) {
                    attack(path.getKey(), operation.getKey().name(), operation.getValue());
                    operations++;
                }
            }
            log.info(
                    "Hostile requests: {} operations, {} requests in {} s, answers by status {}",
                    operations,
                    requests,
                    (System.nanoTime() - started) / 1_000_000_000,
                    statuses);
            assertThat(operations).as("operations in the served document").isGreaterThan(90);
        }
        assertThat(failures.stream().limit(40).toList())
                .as("%d of %d hostile requests answered wrongly", failures.size(), requests)
                .isEmpty();
        assertThat(statuses.keySet()).noneMatch(status -> status.startsWith("5"));
        assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ")))
                .as("a client's bad request is no server error")
                .isEmpty();
    }

    // ---- one operation --------------------------------------------------------------------------------------------

    private void attack(String template, String method, Operation operation) {
        boolean deletes = method.equals("DELETE"); // addresses nothing that exists: a wrong refusal must not delete
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Parameter parameter : parameters(operation, "path")) {
            pathValues.put(
                    parameter.getName(), deletes ? NO_SUCH_UUID : uuidFor(template, parameter.getName(), pathValues));
        }
        Schema<?> body = bodySchema(operation);
        Map<String, Object> baseline = body == null ? null : plausibleBody(body);
        Request valid = new Request(method, path(template, pathValues), "", baseline);

        for (String accept : ACCEPTS) {
            send(valid.withHeader("Accept", accept), "Accept " + accept);
        }
        for (String name : pathValues.keySet()) {
            for (Map.Entry<String, List<Object>> hostile : CLASSES.entrySet()) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, encode(text(pick(hostile.getValue()))));
                send(valid.withPath(path(template, values)), "path " + name + " " + hostile.getKey());
            }
        }
        for (Parameter parameter : parameters(operation, "query")) {
            for (Map.Entry<String, List<Object>> hostile : CLASSES.entrySet()) {
                String query = "?" + parameter.getName() + "=" + encode(text(pick(hostile.getValue())));
                send(valid.withQuery(query), "query " + parameter.getName() + " " + hostile.getKey());
            }
        }
        if (body == null) {
            return;
        }
        for (Map.Entry<String, Schema> property : properties(body).entrySet()) {
            String name = property.getKey();
            for (Map.Entry<String, List<Object>> hostile : CLASSES.entrySet()) {
                Map<String, Object> changed = new LinkedHashMap<>(baseline);
                changed.put(name, hostileValue(hostile.getKey(), pick(hostile.getValue()), property.getValue()));
                send(valid.withBody(changed), "body " + name + " " + hostile.getKey());
            }
            Schema<?> items = property.getValue().getItems();
            if (items != null && items.getProperties() != null) {
                for (String itemName : properties(items).keySet()) {
                    for (Map.Entry<String, List<Object>> hostile : CLASSES.entrySet()) {
                        Map<String, Object> item = plausibleBody(items);
                        item.put(itemName, pick(hostile.getValue()));
                        Map<String, Object> changed = new LinkedHashMap<>(baseline);
                        changed.put(name, List.of(item));
                        send(valid.withBody(changed), "body " + name + ".0." + itemName + " " + hostile.getKey());
                    }
                }
            }
        }
        for (String contentType : CONTENT_TYPES) {
            send(valid.withHeader("Content-Type", contentType), "Content-Type " + contentType);
        }
        for (String malformed : MALFORMED_BODIES) {
            send(valid.withRawBody(malformed), "body " + malformed);
        }
        send(valid.withRawBody("{\"name\": \"" + "x".repeat(1_100_000) + "\"}"), "oversized body");
        String first = properties(body).keySet().stream().findFirst().orElse("name");
        send(
                valid.withRawBody("{\"" + first + "\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}"),
                "deeply nested body");
    }

    /** A hostile value where the field takes it: {@code null in list} means a list holding a null. */
    private static Object hostileValue(String kind, Object value, Schema<?> field) {
        if (kind.equals("null in list")) {
            return "array".equals(field.getType()) ? Collections.singletonList(null) : null;
        }
        return value;
    }

    // ---- sending and checking -------------------------------------------------------------------------------------

    private void send(Request request, String what) {
        boolean writes = !List.of("GET", "HEAD", "OPTIONS").contains(request.method());
        if (writes && databaseState == null) {
            databaseState = databaseState();
        }
        long transactionsBefore = writes ? nextTransaction() : 0;
        Response response;
        try {
            response =
                    api.sendRaw(request.method(), request.path() + request.query(), request.headers(), request.body());
        } catch (AssertionError undocumented) {
            // an accepted request whose answer the served document does not describe
            failures.add(request + " [" + what + "]: " + undocumented.getMessage());
            databaseState = null;
            return;
        }
        requests++;
        statuses.merge(Integer.toString(response.status()), 1, Integer::sum);
        String name = request.method() + " " + request.path() + " [" + what + "] -> " + response.status();
        if (response.status() >= 500) {
            failures.add(name + ": " + abbreviate(response.body()));
            return;
        }
        if (response.status() >= 400) {
            if (!request.method().equals("HEAD") && !isErrorBody(response)) {
                failures.add(name + ": no JSON error body: " + abbreviate(response.body()));
            }
            if (writes
                    && nextTransaction() != transactionsBefore
                    && !databaseState().equals(databaseState)) {
                failures.add(name + ": refused, but the database changed");
                databaseState = null;
            }
            return;
        }
        if (response.status() == 202
                && response.json() != null
                && response.json().has("uuid")) {
            Jobs.await(api, response.text("uuid")); // a job must not write while the next refusals are checked
        }
        if (writes) {
            databaseState = null; // accepted: whatever it wrote is the new state
        }
    }

    private static boolean isErrorBody(Response response) {
        try {
            JsonNode body = response.json();
            return body != null && (body.isObject() || body.isArray()) && !body.isEmpty();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** The first transaction id not yet given out: a request that wrote, even one rolled back, moved it. */
    private long nextTransaction() {
        return jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
                .query(Long.class)
                .single();
    }

    /**
     * Every row of every table, as one digest; Arrow call health (the record of each call's outcome), db-scheduler's
     * own bookkeeping and the audit log (which records a refused request on purpose, D40) are no data a request writes.
     */
    private String databaseState() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE'
                          and table_name not in ('flyway_schema_history', 'scheduled_tasks', 'webhook_tasks',
                            'arrow_call_health', 'audit_log')
                        order by table_name""").query(String.class).list();
        StringBuilder digest = new StringBuilder();
        for (String table : tables) {
            digest.append(table)
                    .append(jdbc.sql("select coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from " + table
                                    + " t")
                            .query(String.class)
                            .single());
        }
        return digest.toString();
    }

    // ---- the world the requests address ---------------------------------------------------------------------------

    private void buildWorld(ArrowFixture world) {
        YearMonth month = TestClock.currentMonth().minusMonths(1);
        String settings = world.settings();
        api.patch("/api/admin/arrow/settings/" + settings + "/", Map.of("is_active", true))
                .expect(200);
        String reference = world.mapCustomers(1).keySet().iterator().next();
        String customer = world.customer();
        String project = world.project(customer);
        Response offering = world.offering();
        String plan = offering.json().get("plans").get(0).get("uuid").asString();
        api.post(
                        "/api/admin/arrow/vendor-offering-mappings/",
                        Map.of(
                                "settings",
                                settings,
                                "arrow_vendor_name",
                                "Microsoft",
                                "offering",
                                offering.text("uuid"),
                                "plan",
                                plan))
                .expect(201);
        world.resource(project, offering.text("uuid"));
        for (String trigger : List.of("trigger_sync", "trigger_consumption_sync")) {
            Jobs.await(
                    api,
                    api.post(
                                    "/api/admin/arrow/billing-syncs/" + trigger + "/",
                                    Map.of("year", month.getYear(), "month", month.getMonthValue()))
                            .expect(202)
                            .text("uuid"));
        }
        api.post(
                        "/api/users/",
                        Map.of("username", ArrowFixture.unique("hostile").replace(" ", "-")))
                .expect(201);

        plausible.put("settings", settings);
        plausible.put("settings_uuid", settings);
        plausible.put("waldur_customer", customer);
        plausible.put("waldur_customer_uuid", customer);
        plausible.put("customer", customer);
        plausible.put("customer_uuid", customer);
        plausible.put("project", project);
        plausible.put("project_uuid", project);
        plausible.put("offering", offering.text("uuid"));
        plausible.put("offering_uuid", offering.text("uuid"));
        plausible.put("plan", plan);
        plausible.put("arrow_reference", reference);
        plausible.put("api_url", world.emulator().apiUrl());
        plausible.put("api_key", world.emulator().apiKey());
        plausible.put("period", month.toString());
        plausible.put("period_from", month.toString());
        plausible.put("period_to", month.toString());
        plausible.put("report_period", month.toString());
        plausible.put("year", Integer.toString(month.getYear()));
        plausible.put("month", Integer.toString(month.getMonthValue()));
    }

    private OpenAPI served() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser()
                .readContents(api.anonymous().get("/api/schema/").expect(200).body(), null, options)
                .getOpenAPI();
    }

    /** The uuid of an object the path's collection lists, so that a hostile value meets more than a 404. */
    private String uuidFor(String template, String parameter, Map<String, String> known) {
        String collection = path(template.substring(0, template.indexOf("{" + parameter + "}")), known);
        return uuidsByCollection.computeIfAbsent(collection, list -> {
            Response listed = api.get(list + "?page_size=1");
            JsonNode first = listed.status() == 200
                            && listed.json() != null
                            && listed.json().isArray()
                    ? listed.json().path(0)
                    : null;
            return first != null && first.has("uuid") ? first.get("uuid").asString() : NO_SUCH_UUID;
        });
    }

    @SuppressWarnings("rawtypes")
    private Map<String, Object> plausibleBody(Schema<?> schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> property : properties(schema).entrySet()) {
            body.put(property.getKey(), plausibleValue(property.getKey(), property.getValue()));
        }
        return body;
    }

    private Object plausibleValue(String name, Schema<?> schema) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        String known = plausible.get(name);
        String type = Objects.requireNonNullElse(schema.getType(), "string");
        return switch (type) {
            case "integer", "number" -> known == null ? 1 : Integer.parseInt(known);
            case "boolean" -> true;
            case "array" ->
                schema.getItems() != null && schema.getItems().getProperties() != null
                        ? List.of(plausibleBody(schema.getItems()))
                        : List.of();
            case "object" -> schema.getProperties() == null ? Map.of() : plausibleBody(schema);
            default -> known != null ? known : "uuid".equals(schema.getFormat()) ? NO_SUCH_UUID : "plausible";
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, Schema> properties(Schema<?> schema) {
        return schema.getProperties() == null ? Map.of() : (Map) schema.getProperties();
    }

    private static Schema<?> bodySchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    private static List<Parameter> parameters(Operation operation, String in) {
        return operation.getParameters() == null
                ? List.of()
                : operation.getParameters().stream()
                        .filter(parameter -> in.equals(parameter.getIn()))
                        .toList();
    }

    private static String path(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    path, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), NO_SUCH_UUID)));
        }
        return matcher.appendTail(path).toString();
    }

    /**
     * The class's values in turn, so that all of them are sent across the fields without sending every one each time.
     */
    private Object pick(List<Object> values) {
        return values.get(Math.floorMod(rotation++, values.size()));
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return Json.write(value);
        }
        return String.valueOf(value);
    }

    /** Percent-encoding of every byte but the unreserved ones; a lone surrogate as the bytes a sloppy client sends. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1)))) {
                encoded.append("%ED%A0%80");
                continue;
            }
            int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
            for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                int unsigned = b & 0xff;
                if ((unsigned >= 'a' && unsigned <= 'z')
                        || (unsigned >= 'A' && unsigned <= 'Z')
                        || (unsigned >= '0' && unsigned <= '9')
                        || "-_.~".indexOf(unsigned) >= 0) {
                    encoded.append((char) unsigned);
                } else {
                    encoded.append(String.format("%%%02X", unsigned));
                }
            }
            i = end - 1;
        }
        return encoded.toString();
    }

    private static String abbreviate(String body) {
        return body == null ? "(none)" : body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    /** One request: method, path (with its values), query string, headers and body (JSON text, or none). */
    private record Request(String method, String path, String query, Map<String, String> headers, String body) {

        Request(String method, String path, String query, Map<String, Object> json) {
            this(method, path, query, jsonHeaders(json), json == null ? null : Json.write(json));
        }

        private static Map<String, String> jsonHeaders(Object json) {
            return json == null ? Map.of() : Map.of("Content-Type", "application/json");
        }

        Request withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, path, query, more, body == null && name.equals("Content-Type") ? "{}" : body);
        }

        Request withPath(String other) {
            return new Request(method, other, query, headers, body);
        }

        Request withQuery(String other) {
            return new Request(method, path, other, headers, body);
        }

        Request withBody(Map<String, Object> json) {
            return new Request(method, path, query, jsonHeaders(json), Json.write(json));
        }

        Request withRawBody(String raw) {
            return new Request(method, path, query, Map.of("Content-Type", "application/json"), raw);
        }

        @Override
        public String toString() {
            return method + " " + path + query + " " + headers;
        }
    }

    /**
     * JSON text written by hand, so that any string goes on the wire as a JSON escape: a lone surrogate or a NUL is
     * sent as the hostile client sends it, not refused by the test's own JSON library.
     */
    static final class Json {

        private Json() {}

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                out.append('"');
                for (char c : text.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                out.append('"');
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(separator);
                    write(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                    separator = ",";
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                String separator = "";
                for (Object item : list) {
                    out.append(separator);
                    write(item, out);
                    separator = ",";
                }
                out.append(']');
            } else if (value.getClass().isArray()) {
                write(Arrays.asList((Object[]) value), out);
            } else {
                write(value.toString(), out);
            }
        }
    }
}
