package org.stocktake.report;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard: its figures as JSON under {@code /api}, and as a page with charts under {@code /reports}. */
@RestController
class DashboardController {

    private final DashboardService dashboards;
    private final PageRenderer pages;

    DashboardController(DashboardService dashboards, PageRenderer pages) {
        this.dashboards = dashboards;
        this.pages = pages;
    }

    /** {@code steps-since}: the day from which finished steps are timed (a year ago unless given). */
    @GetMapping(path = {"/api/dashboard", "/reports/dashboard"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Dashboard figures(@RequestParam(name = "steps-since", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stepsSince) {
        return dashboards.forCaller(stepsSince);
    }

    @GetMapping(path = {"/api/dashboard", "/reports/dashboard"}, produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(name = "steps-since", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stepsSince) {
        Dashboard dashboard = dashboards.forCaller(stepsSince);
        return pages.page("dashboard", Map.of("dashboard", dashboard, "charts", DashboardCharts.of(dashboard)));
    }
}
