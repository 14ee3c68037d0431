package org.stocktake.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The command-line import: {@code java -jar stocktake.jar import FILE [--dry-run] [--create-organisations]},
 * with the database settings of a normal start. Prints a progress bar while it imports, then what
 * it did, or every problem found; exits 0 when imported, 1 when the file was refused, 2 on bad usage.
 */
@Component
public class ImportCommand {

    public static final String NAME = "import";
    static final String USAGE = "usage: java -jar stocktake.jar import FILE [--dry-run] [--create-organisations]";

    private final RegisterImport imports;

    ImportCommand(RegisterImport imports) {
        this.imports = imports;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> arguments = Arrays.asList(args);
        List<String> files = arguments.stream().skip(1).filter(argument -> !argument.startsWith("--")).toList();
        if (files.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(files.get(0));
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        ImportOptions options = new ImportOptions(arguments.contains("--dry-run"), arguments.contains("--create-organisations"));
        out.println((options.dryRun() ? "Checking " : "Importing ") + file + " …");
        try {
            ImportJob job = imports.run(file.getFileName().toString(), content, options,
                    "cli:" + System.getProperty("user.name"), (processed, total) -> out.print(progressBar(processed, total)));
            out.println();
            out.println(options.dryRun()
                    ? "Checked: " + job.total() + " rows; an import would create " + job.created() + " and leave " + job.unchanged() + " unchanged."
                    : "Imported (import " + job.id() + "): " + job.total() + " rows, " + job.created() + " created, " + job.unchanged() + " unchanged.");
            return 0;
        } catch (ImportRejectedException rejected) {
            err.println((rejected.isConflict() ? "Conflicts with recommendations already in Stocktake" : "The file cannot be imported")
                    + "; nothing was written:");
            rejected.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        }
    }

    /** A line that redraws itself: {@code [#########...........] 4500/10000}. */
    static String progressBar(int processed, int total) {
        int width = 40;
        int filled = total == 0 ? width : (int) ((long) processed * width / total);
        return "\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + processed + "/" + total;
    }
}
