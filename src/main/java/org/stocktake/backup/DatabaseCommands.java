package org.stocktake.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar stocktake.jar backup FILE} and {@code restore FILE}, with the database settings
 * of a normal start (application.yml, the environment, the profiles). Only the data source's
 * settings are read: no engine, no web server. Exits 0 when done, 1 when refused, 2 on bad usage.
 * <ul>
 * <li>{@code backup} asks H2 for an online backup ({@code BACKUP TO}): a consistent copy of the
 * whole database as of one moment, in a zip, while the application runs (started with
 * {@code STOCKTAKE_H2_AUTO_SERVER=TRUE}, so this second process may connect) or is stopped.</li>
 * <li>{@code restore} puts a backup's database file where the settings look for it, refusing to
 * overwrite one that is there: stop the application and move the old file aside first.</li>
 * </ul>
 */
public final class DatabaseCommands {

    public static final Set<String> NAMES = Set.of("backup", "restore");
    static final String USAGE = "usage: java -jar stocktake.jar backup FILE | restore FILE";
    /** jdbc:h2:file:./data/stocktake;OPTIONS: the file's path without its .mv.db. */
    private static final Pattern H2_FILE = Pattern.compile("jdbc:h2:file:([^;]+)(;.*)?");

    private DatabaseCommands() {
    }

    /** Only the data source's settings. */
    @Configuration
    @EnableConfigurationProperties(DataSourceProperties.class)
    static class Settings {
    }

    /** {@code args}: the command, the file, and any of Spring's {@code --name=value} settings (a test names its database so). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList();
        if (positional.size() != 2) {
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).properties("logging.level.root=WARN").run(args)) {
            DataSourceProperties settings = context.getBean(DataSourceProperties.class);
            Matcher h2 = H2_FILE.matcher(settings.determineUrl());
            if (!h2.matches()) {
                err.println("The database is not an embedded H2 file (" + settings.determineUrl() + "): back PostgreSQL up with pg_dump and"
                        + " restore it with pg_restore (docs/operations.md, Backups).");
                return 1;
            }
            Path file = Path.of(positional.get(1)).toAbsolutePath();
            return positional.get(0).equals("backup") ? backup(settings, file, out, err) : restore(Path.of(h2.group(1)), file, out, err);
        }
    }

    private static int backup(DataSourceProperties settings, Path file, PrintStream out, PrintStream err) {
        if (Files.exists(file)) {
            err.println(file + " exists already: name a new file; nothing was written.");
            return 1;
        }
        DataSource database = settings.initializeDataSourceBuilder().build();
        try (Connection connection = database.getConnection(); PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, file.toString());
            backup.execute();
        } catch (SQLException e) {
            close(database);
            err.println("No backup was made: " + e.getMessage() + (e.getMessage().contains("locked")
                    ? "\nThe application holds the database: start it with STOCKTAKE_H2_AUTO_SERVER=TRUE to back it up while it runs,"
                    + " or stop it first." : ""));
            return 1;
        }
        close(database);
        keepPrivate(file);
        out.println("Backed up to " + file + " (" + size(file) + "). It holds everything, restricted notes and password hashes"
                + " included: keep it as the database is kept (docs/operations.md, Backups).");
        return 0;
    }

    private static void close(DataSource database) {
        if (database instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception ignored) {
                // the command ends here anyway, and with it its connections
            }
        }
    }

    private static int restore(Path database, Path file, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            err.println("No backup at " + file + "; nothing was restored.");
            return 2;
        }
        Path target = database.resolveSibling(database.getFileName() + ".mv.db").toAbsolutePath();
        if (Files.exists(target)) {
            err.println(target + " exists: stop the application and move that file aside first; nothing was restored.");
            return 1;
        }
        // only the database's own file is taken from the zip, by its exact name: no other entry, no path, is written anywhere
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(target.getFileName().toString());
            if (entry == null) {
                err.println(file + " holds no " + target.getFileName() + "; nothing was restored.");
                return 1;
            }
            Files.createDirectories(target.getParent());
            try (InputStream content = zip.getInputStream(entry)) {
                Files.copy(content, target);
            }
            keepPrivate(target);
        } catch (IOException e) {
            err.println("Nothing was restored: " + e.getMessage());
            return 1;
        }
        out.println("Restored " + target + " (" + size(target) + ") from " + file + ". Start the application on it.");
        return 0;
    }

    /** Readable and writable by the user running the command only, where the file system keeps such permissions. */
    private static void keepPrivate(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // on a file system without POSIX permissions the directory's own protection applies
        }
    }

    private static String size(Path file) {
        try {
            return Files.size(file) / 1024 + " KB";
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
