package org.stocktake.imports;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.review.Visibility;

/** {@code GET /api/recommendations?review=…} as CSV: the review's recommendations the caller may see, in the import format. */
@RestController
class RegisterExportController {

    private final RegisterExport export;
    private final Visibility visibility;

    RegisterExportController(RegisterExport export, Visibility visibility) {
        this.export = export;
        this.visibility = visibility;
    }

    /** {@code Accept: text/csv} or {@code ?format=csv}. */
    @GetMapping(path = "/api/recommendations", produces = "text/csv")
    ResponseEntity<String> listAsCsv(@RequestParam("review") String reviewCode) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(reviewCode + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(export.csv(reviewCode, visibility::canSee));
    }
}
