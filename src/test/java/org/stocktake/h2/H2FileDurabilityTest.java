package org.stocktake.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.stocktake.support.AppH2Url;

/**
 * What is committed to the embedded H2 file is there when it is opened again after a clean close,
 * with the options of the app's own URL (application.yml). With {@code WRITE_DELAY=0;RETENTION_TIME=0}
 * alone, H2 2.3.232's compaction at close lost the last 15 of 1,000 rows inserted one commit each,
 * every time; {@code MAX_COMPACT_TIME=0} keeps it from compacting then.
 */
class H2FileDurabilityTest {

    static final int ROWS = 1000;

    @Test
    void everyRowCommittedBeforeACleanCloseIsThereWhenTheFileIsOpenedAgain() throws Exception {
        assertThat(AppH2Url.options()).as("the app's H2 options").contains("WRITE_DELAY=0");
        String url = AppH2Url.of(Files.createDirectories(Path.of("target", "h2-durability-test", UUID.randomUUID().toString())).resolve("db"));
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("create table kept (id bigint primary key, text varchar(200))");
            PreparedStatement insert = connection.prepareStatement("insert into kept values (?, ?)");
            for (int row = 0; row < ROWS; row++) {
                insert.setLong(1, row);
                insert.setString(2, "row " + row);
                insert.executeUpdate();
            }
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet kept = connection.createStatement().executeQuery("select count(*), max(id) from kept")) {
            kept.next();
            assertThat(kept.getLong(1)).as("rows after the close, with %s", AppH2Url.options()).isEqualTo(ROWS);
            assertThat(kept.getLong(2)).isEqualTo(ROWS - 1);
        }
    }
}
