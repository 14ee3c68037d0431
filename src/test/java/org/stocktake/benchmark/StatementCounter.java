package org.stocktake.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application executes and the transactions it commits, by
 * wrapping its DataSource: every connection handed out, and every statement made from one, is
 * a proxy that counts before it delegates. A batch counts once per statement added to it.
 */
final class StatementCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    /** What has been counted so far. */
    Counts counts() {
        return new Counts(statements.get(), commits.get());
    }

    record Counts(long statements, long commits) {

        Counts since(Counts before) {
            return new Counts(statements - before.statements, commits - before.commits);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? proxy(DataSource.class, dataSource, this::dataSource) : bean;
    }

    private Object dataSource(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        return result instanceof Connection connection ? proxy(Connection.class, connection, this::connection) : result;
    }

    private Object connection(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("commit")) {
            commits.incrementAndGet();
        }
        Object result = invoke(target, method, args);
        if (result instanceof Statement statement) {
            Class<? extends Statement> type = method.getName().equals("prepareCall") ? CallableStatement.class
                    : method.getName().equals("prepareStatement") ? PreparedStatement.class : Statement.class;
            return proxy(type, statement, this::statement);
        }
        return result;
    }

    private Object statement(Object target, Method method, Object[] args) throws Throwable {
        if (EXECUTIONS.contains(method.getName()) || method.getName().equals("addBatch")) {
            statements.incrementAndGet();
        }
        return invoke(target, method, args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }
}
