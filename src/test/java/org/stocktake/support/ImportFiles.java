package org.stocktake.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Import files made up for tests that need many recommendations. */
public final class ImportFiles {

    private ImportFiles() {
    }

    /**
     * A coroner's report with {@code count} recommendations for one addressee, received today: each
     * opens a response task, due in 56 days, with its reminders 28 and 7 days ahead.
     */
    public static byte[] coronersReport(String review, int count, String addressee) {
        String rows = IntStream.rangeClosed(1, count)
                .mapToObj(n -> review + ",Report " + review + ",PFD_REPORT," + LocalDate.now() + "," + n + ",Concern " + n + "," + addressee)
                .collect(Collectors.joining("\n"));
        return ("review_code,review_title,review_kind,received_on,number,text,addressees\n" + rows + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A register of {@code count} recommendations in progress with one owner: each waits for this quarter's update. */
    public static byte[] inProgress(String review, int count, String owner) {
        String rows = IntStream.rangeClosed(1, count)
                .mapToObj(n -> review + ",Register " + review + ",REVIEW," + n + ",Work " + n + "," + owner + ",IN_PROGRESS")
                .collect(Collectors.joining("\n"));
        return ("review_code,review_title,review_kind,number,text,owner,status\n" + rows + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
