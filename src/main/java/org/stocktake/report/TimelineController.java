package org.stocktake.report;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A recommendation's timeline: JSON under {@code /api}, a page under {@code /reports} (or with {@code Accept: text/html}). */
@RestController
class TimelineController {

    private final TimelineService timelines;
    private final PageRenderer pages;

    TimelineController(TimelineService timelines, PageRenderer pages) {
        this.timelines = timelines;
        this.pages = pages;
    }

    @GetMapping(path = {"/api/recommendations/{id}/timeline", "/reports/recommendations/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Timeline timeline(@PathVariable long id) {
        return timelines.of(id);
    }

    @GetMapping(path = {"/api/recommendations/{id}/timeline", "/reports/recommendations/{id}"}, produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable long id) {
        return pages.html("timeline", Map.of("timeline", timelines.of(id)));
    }
}
