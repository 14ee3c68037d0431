package org.stocktake.report;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A recommendation's timeline as JSON; people read it on the recommendation's page ({@link RecommendationPages}). */
@RestController
class TimelineController {

    private final TimelineService timelines;
    TimelineController(TimelineService timelines) {
        this.timelines = timelines;
    }

    @GetMapping(path = "/api/recommendations/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Timeline timeline(@PathVariable long id) {
        return timelines.of(id);
    }
}
