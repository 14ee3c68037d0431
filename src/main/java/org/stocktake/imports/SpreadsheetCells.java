package org.stocktake.imports;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Cells of the CSV files Stocktake writes, made safe to open in a spreadsheet. A cell beginning
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be taken for a
 * formula, and a public update can begin with anything its author typed; such a cell is written
 * with an apostrophe before it, which spreadsheets show as text and do not display. Reading a file
 * takes the apostrophe off again, so an export imports back unchanged.
 */
public final class SpreadsheetCells {

    /** A formula's first character, after any apostrophes already there (so that they too come back as they were). */
    private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@\t\r]");

    private SpreadsheetCells() {
    }

    /** The values of a row to write, each text that a spreadsheet would take for a formula neutralised. */
    public static Object[] row(Object... values) {
        return Arrays.stream(values).map(value -> value instanceof String text ? neutralise(text) : value).toArray();
    }

    static String neutralise(String value) {
        return FORMULA.matcher(value).find() ? "'" + value : value;
    }

    /** A value as read from a file: without the apostrophe {@link #neutralise} put before it. */
    static String restore(String value) {
        return value.startsWith("'") && FORMULA.matcher(value).find() ? value.substring(1) : value;
    }
}
