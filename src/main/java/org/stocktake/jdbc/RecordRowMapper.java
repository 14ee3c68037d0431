package org.stocktake.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;

/**
 * Maps each row to a record, a component per column of the same name in snake case
 * ({@code reviewCode} from {@code review_code}); enums are read from their names. The column
 * positions are read once from the result's metadata. Spring's own mappers probe for each column
 * by name instead, and every miss makes the driver throw an exception, which H2 also writes to its
 * trace file: on a 10,000-row read that cost seconds. One mapper serves one query.
 */
public final class RecordRowMapper<T extends Record> implements RowMapper<T> {

    private final Constructor<T> constructor;
    private final RecordComponent[] components;
    private int[] columns;

    private RecordRowMapper(Class<T> type) {
        this.components = type.getRecordComponents();
        try {
            this.constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no canonical constructor", e);
        }
        constructor.setAccessible(true);
    }

    public static <T extends Record> RecordRowMapper<T> of(Class<T> type) {
        return new RecordRowMapper<>(type);
    }

    @Override
    public T mapRow(ResultSet row, int rowNumber) throws SQLException {
        if (columns == null) {
            columns = positions(row.getMetaData());
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(row, columns[i], components[i].getType());
        }
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot make a " + constructor.getDeclaringClass().getSimpleName() + " of a row", e);
        }
    }

    private int[] positions(ResultSetMetaData metadata) throws SQLException {
        Map<String, Integer> byLabel = new HashMap<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            byLabel.put(metadata.getColumnLabel(column).toLowerCase(Locale.ROOT), column);
        }
        int[] positions = new int[components.length];
        for (int i = 0; i < components.length; i++) {
            String column = components[i].getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            Integer position = byLabel.get(column);
            if (position == null) {
                throw new IllegalStateException("The query selects no column " + column + " for "
                        + constructor.getDeclaringClass().getSimpleName() + "." + components[i].getName());
            }
            positions[i] = position;
        }
        return positions;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(ResultSet row, int column, Class<?> type) throws SQLException {
        if (type.isEnum()) {
            String name = row.getString(column);
            return name == null ? null : Enum.valueOf((Class<Enum>) type, name);
        }
        if (type == long.class) {
            return row.getLong(column);
        }
        if (type == int.class) {
            return row.getInt(column);
        }
        if (type == boolean.class) {
            return row.getBoolean(column);
        }
        return row.getObject(column, type);
    }
}
