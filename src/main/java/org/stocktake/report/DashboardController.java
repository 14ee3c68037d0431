package org.stocktake.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.errors.InvalidInputException;

/** The dashboard: its figures as JSON under {@code /api}, and as a page with charts under {@code /reports}. */
@RestController
class DashboardController {

    static final LocalDate EARLIEST_STEPS = LocalDate.of(1970, 1, 1);

    private final DashboardService dashboards;
    private final PageRenderer pages;
    private final Clock clock;

    DashboardController(DashboardService dashboards, PageRenderer pages, Clock clock) {
        this.dashboards = dashboards;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code steps-since}: the day from which finished steps are timed (a year ago unless given). */
    @GetMapping(path = {"/api/dashboard", "/reports/dashboard"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Dashboard figures(@RequestParam(name = "steps-since", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stepsSince) {
        return dashboards.forCaller(checked(stepsSince));
    }

    /** A day from the first of 1970 to today: the register keeps no older step, and none has finished later. */
    private LocalDate checked(LocalDate stepsSince) {
        if (stepsSince != null && (stepsSince.isBefore(EARLIEST_STEPS) || stepsSince.isAfter(LocalDate.now(clock)))) {
            throw new InvalidInputException("steps-since", "must be a day from 1970-01-01 to today");
        }
        return stepsSince;
    }

    @GetMapping(path = {"/api/dashboard", "/reports/dashboard"}, produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(name = "steps-since", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stepsSince) {
        Dashboard dashboard = dashboards.forCaller(checked(stepsSince));
        return pages.page("dashboard", Map.of("dashboard", dashboard, "charts", DashboardCharts.of(dashboard)));
    }
}
