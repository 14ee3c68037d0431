package org.stocktake.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.stocktake.review.TargetDates;

/**
 * What the oversight board looks at each quarter: what is overdue, rated RED or escalated, what
 * waits for its decision, and what it decided in the quarter; {@code holdsRestricted} when a
 * restricted note is in it, so its print carries a protective marking.
 */
public record BoardPack(String quarter, OffsetDateTime producedAt, String scope, boolean holdsRestricted, List<Section> sections) {

    public record Section(String title, String explanation, List<Item> items) {
    }

    /**
     * One line of a section: the recommendation, its owner, its target date (beside the original
     * when revised, and whether its owner says it will be missed), what the line is about, and its date.
     */
    public record Item(long recommendationId, String businessKey, String review, String owner, TargetDates targetDates,
                       boolean dateAtRisk, String headline, String detail, LocalDate date) {
    }
}
