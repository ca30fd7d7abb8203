package org.arrowsync.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts SQL statements prepared by request-handling threads, so tests can prove a list endpoint costs a fixed number
 * of statements whatever its page size (background threads, such as the job queue's polling, are not counted there);
 * and every thread's statements by their text, so tests can prove a job writes many rows in one statement.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final Map<String, AtomicLong> BY_THREAD = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> BY_TEXT = new ConcurrentHashMap<>();
    private static volatile boolean countingByText;

    /** Starts counting again, request statements only: counting by text stops, so it keeps no text past its test. */
    public static void reset() {
        BY_THREAD.clear();
        countingByText = false;
        BY_TEXT.clear();
    }

    /** Starts counting every thread's statements by their text, from none, until the next reset. */
    public static void countByText() {
        BY_TEXT.clear();
        countingByText = true;
    }

    /** Statements prepared by any thread since {@link #countByText} whose text holds the fragment. */
    public static long statementsHolding(String fragment) {
        return BY_TEXT.entrySet().stream()
                .filter(entry -> entry.getKey().contains(fragment))
                .mapToLong(entry -> entry.getValue().get())
                .sum();
    }

    /** Statements prepared by HTTP worker threads since the last reset. */
    public static long requestStatements() {
        return BY_THREAD.entrySet().stream()
                .filter(entry -> entry.getKey().contains("-exec-"))
                .mapToLong(entry -> entry.getValue().get())
                .sum();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
            }
        };
    }

    private static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? wrap(connection) : result;
                });
    }

    private static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement")) {
                        BY_THREAD
                                .computeIfAbsent(Thread.currentThread().getName(), thread -> new AtomicLong())
                                .incrementAndGet();
                        if (countingByText && args != null && args.length > 0 && args[0] instanceof String sql) {
                            BY_TEXT.computeIfAbsent(sql, text -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
