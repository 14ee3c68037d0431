package org.stocktake.report;

import java.util.List;
import java.util.Map;

import org.stocktake.evidence.EvidenceFile;
import org.stocktake.lifecycle.OpenTask;
import org.stocktake.lifecycle.OpenTaskService.Upcoming;
import org.stocktake.review.AddresseeResponse;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.Review;
import org.stocktake.review.TargetDates;

/**
 * Everything about one recommendation a person may see, on its own page: what it says, who
 * answered and who owns it, its dates, its latest update, its timeline, and what happens next.
 *
 * @param names          organisations' names by id: the addressees, the owner and those tasks wait on
 * @param latestUpdate   its latest progress update, with the restricted note only for those who may read it
 * @param targetDates    its target date as first set, every revision, and whether its owner says it will be missed
 * @param evidence       the evidence files the reader may open
 * @param showsRestricted whether the page holds a restricted note, so its print carries a protective marking
 */
record RecommendationPage(Review review, Recommendation recommendation, Map<String, String> names, List<AddresseeResponse> responses,
                          ProgressUpdate latestUpdate, Timeline timeline, List<OpenTask> openTasks, List<Upcoming> upcoming,
                          TargetDates targetDates, List<EvidenceFile> evidence, boolean showsRestricted) {

    /** Open, and its owner has said the target date will be missed while the board has not yet decided. */
    public boolean dateAtRisk() {
        return recommendation.status().isOpen() && targetDates.atRiskSince() != null;
    }

    public String name(String organisation) {
        return names.getOrDefault(organisation, organisation);
    }
}
