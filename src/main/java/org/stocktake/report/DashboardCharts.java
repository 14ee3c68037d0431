package org.stocktake.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stocktake.review.RecommendationStatus;

/**
 * The dashboard's figures drawn as charts, one SVG each, by name for the page. The charts are
 * pictures only: the page gives every figure as text beside them, linked to the register.
 */
final class DashboardCharts {

    /** Status colours: greys and blues while waiting, amber while in hand, greens when resolved. */
    static final Map<RecommendationStatus, String> STATUS_COLOURS = new LinkedHashMap<>();

    static {
        String[] colours = {"#9aa5b1", "#7fb3d5", "#f2c14e", "#f08a4b", "#4caf50", "#2e8b7a", "#8e7cc3", "#607d8b"};
        RecommendationStatus[] statuses = RecommendationStatus.values();
        for (int i = 0; i < statuses.length; i++) {
            STATUS_COLOURS.put(statuses[i], colours[i]);
        }
    }

    private DashboardCharts() {
    }

    static Map<String, String> of(Dashboard dashboard) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("statusLegend", Charts.legend(STATUS_COLOURS.entrySet().stream()
                .map(status -> new Charts.Segment(status.getKey().label(), 0, status.getValue())).toList()));
        charts.put("byReview", Charts.bars("Recommendations by status, per review", dashboard.reviews().stream()
                .map(review -> new Charts.Row(review.code(), review.byStatus().entrySet().stream()
                        .map(status -> new Charts.Segment(status.getKey().label(), status.getValue(), STATUS_COLOURS.get(status.getKey()))).toList(),
                        String.valueOf(review.total()))).toList()));
        charts.put("byOwner", counts("Open recommendations by owner", dashboard.openByOwner(), "#f2c14e"));
        charts.put("byAge", counts("Open recommendations by age", dashboard.openByAge(), "#f08a4b"));
        charts.put("responseRates", Charts.bars("Responses on time, per review", dashboard.responseRates().stream()
                .map(rate -> new Charts.Row(rate.code(), List.of(new Charts.Segment("On time", rate.onTime(), "#4caf50"),
                        new Charts.Segment("Late", rate.late(), "#d9534f")), rate.percentOnTime() + "% on time")).toList()));
        charts.put("stepTimes", Charts.bars("Median days per step", dashboard.stepTimes().stream()
                .map(step -> new Charts.Row(step.step(), step.medianDays() == null ? List.of()
                        : List.of(new Charts.Segment("Median days", step.medianDays(), "#7fb3d5")),
                        step.count() == 0 ? "none yet" : step.medianDays() + " days (median of " + step.count() + ")")).toList()));
        return charts;
    }

    private static String counts(String title, List<Dashboard.Count> counts, String colour) {
        return Charts.bars(title, counts.stream().map(count -> new Charts.Row(count.label(),
                List.of(new Charts.Segment(count.label(), count.count(), colour)), String.valueOf(count.count()))).toList());
    }
}
