package org.stocktake.imports;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.stocktake.errors.TooLargeException;
import org.stocktake.security.CurrentUser;
import org.stocktake.web.RequestBodies;

/**
 * {@code POST /api/imports}: a CSV file as the request body ({@code text/csv}) or as the multipart
 * field {@code file}. {@code dryRun=true} only checks; {@code createOrganisations=true} creates
 * missing organisations; {@code async=true} answers 202 at once and imports in the background,
 * followed with {@code GET /api/imports/{id}}.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final RegisterImport imports;
    private final ImportSettings settings;
    private final CurrentUser currentUser;

    ImportController(RegisterImport imports, ImportSettings settings, CurrentUser currentUser) {
        this.imports = imports;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    /**
     * Only {@code text/csv}: a cross-site form can post {@code text/plain} without the browser
     * asking first, and a browser that keeps a password for the site would send it along.
     */
    @PostMapping(consumes = "text/csv")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The register, as CSV (docs/design.md, Import format)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "A dry run: the file checked, nothing written")
    @ApiResponse(responseCode = "201", description = "Imported, in one transaction; Location is the import's address")
    @ApiResponse(responseCode = "202", description = "With async=true: started in the background; Location shows its progress")
    ResponseEntity<ImportJob> importBody(HttpServletRequest request,
                                         @RequestParam(defaultValue = "import.csv") String fileName,
                                         @RequestParam(defaultValue = "false") boolean dryRun,
                                         @RequestParam(defaultValue = "false") boolean createOrganisations,
                                         @RequestParam(defaultValue = "false") boolean async) throws IOException {
        return importContent(fileName, readAtMostMaxSize(request), new ImportOptions(dryRun, createOrganisations), async);
    }

    @PostMapping(consumes = "multipart/form-data")
    @ApiResponse(responseCode = "200", description = "A dry run: the file checked, nothing written")
    @ApiResponse(responseCode = "201", description = "Imported, in one transaction; Location is the import's address")
    @ApiResponse(responseCode = "202", description = "With async=true: started in the background; Location shows its progress")
    ResponseEntity<ImportJob> importFile(@RequestParam("file") MultipartFile file,
                                         @RequestParam(defaultValue = "false") boolean dryRun,
                                         @RequestParam(defaultValue = "false") boolean createOrganisations,
                                         @RequestParam(defaultValue = "false") boolean async) throws IOException {
        String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "import.csv" : file.getOriginalFilename();
        if (file.getSize() > settings.maxSize().toBytes()) {
            throw new TooLargeException(tooLarge());
        }
        return importContent(fileName, file.getBytes(), new ImportOptions(dryRun, createOrganisations), async);
    }

    @GetMapping("/{id}")
    ImportJob get(@PathVariable long id) {
        return imports.get(id);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(ImportRejectedException rejected) {
        HttpStatus status = rejected.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (rejected.isConflict()
                ? "The file would change recommendations already in Stocktake; nothing was imported: "
                : "The file cannot be imported; nothing was written: ") + rejected.getMessage());
        problem.setProperty("errors", rejected.problems());
        return ResponseEntity.status(status).body(problem);
    }

    private ResponseEntity<ImportJob> importContent(String fileName, byte[] content, ImportOptions options, boolean async) {
        if (async) {
            ImportJob started = imports.start(fileName, content, options, currentUser.id());
            return started.id() == null ? ResponseEntity.ok(started)
                    : ResponseEntity.accepted().location(URI.create("/api/imports/" + started.id())).body(started);
        }
        ImportJob done = imports.run(fileName, content, options, currentUser.id(), ImportProgress.NONE);
        return done.id() == null ? ResponseEntity.ok(done)
                : ResponseEntity.created(URI.create("/api/imports/" + done.id())).body(done);
    }

    private byte[] readAtMostMaxSize(HttpServletRequest request) throws IOException {
        return RequestBodies.readAtMost(request, settings.maxSize().toBytes(), tooLarge());
    }

    private String tooLarge() {
        return "The file is larger than the import limit of " + settings.maxSize().toMegabytes() + " MB (stocktake.imports.max-size); split it";
    }
}
