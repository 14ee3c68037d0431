package org.stocktake.report;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

    private final TimelineService timelines;

    TimelineController(TimelineService timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/api/recommendations/{id}/timeline")
    Timeline timeline(@PathVariable long id) {
        return timelines.of(id);
    }
}
