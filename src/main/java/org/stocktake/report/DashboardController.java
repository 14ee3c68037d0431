package org.stocktake.report;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
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

    @GetMapping(path = {"/api/dashboard", "/reports/dashboard"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Dashboard figures() {
        return dashboards.forCaller();
    }

    @GetMapping(path = {"/api/dashboard", "/reports/dashboard"}, produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        Dashboard dashboard = dashboards.forCaller();
        return pages.page("dashboard", Map.of("dashboard", dashboard, "charts", DashboardCharts.of(dashboard)));
    }
}
