package org.stocktake.imports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An import refused as a whole, with every problem found; nothing was written. Conflicts are rows
 * that would change a recommendation already in Stocktake; the rest is invalid input.
 */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportProblem> problems;
    private final boolean conflict;

    private ImportRejectedException(List<ImportProblem> problems, boolean conflict) {
        super(problems.stream().map(ImportProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    static ImportRejectedException invalid(List<ImportProblem> problems) {
        return new ImportRejectedException(problems, false);
    }

    static ImportRejectedException conflicts(List<ImportProblem> problems) {
        return new ImportRejectedException(problems, true);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public boolean isConflict() {
        return conflict;
    }
}
