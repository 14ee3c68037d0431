package org.stocktake.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** When an addressee's response was due and when it came, in which round of asking. */
public record ResponseTiming(long recommendationId, int responseRound, LocalDate dueOn, OffsetDateTime respondedAt) {

    /** On time: recorded on the day it was due (in that zone) or before. */
    public boolean onTime(ZoneId zone) {
        return !respondedAt.atZoneSameInstant(zone).toLocalDate().isAfter(dueOn);
    }
}
