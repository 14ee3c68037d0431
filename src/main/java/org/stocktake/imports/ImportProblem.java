package org.stocktake.imports;

/**
 * What is wrong with an imported file, and where: the row as a spreadsheet numbers it (the header
 * is row 1) and the column's name. Either is null when the problem is the whole file's.
 */
public record ImportProblem(Integer row, String column, String message) {

    static ImportProblem ofFile(String message) {
        return new ImportProblem(null, null, message);
    }

    @Override
    public String toString() {
        return (row != null ? "row " + row + (column != null ? ", " : ": ") : "")
                + (column != null ? column + ": " : "") + message;
    }
}
