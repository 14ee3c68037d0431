package org.stocktake.evidence;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.stocktake.security.CurrentUser;

/**
 * A recommendation's evidence over the API ({@code /api/recommendations/{id}/evidence}): add a
 * file (multipart {@code file}, {@code public=true} to let it be published), list, download, and
 * check a file against its fingerprints.
 */
@RestController
@RequestMapping("/api/recommendations/{id}/evidence")
class EvidenceController {

    private final EvidenceService evidence;
    private final CurrentUser currentUser;

    EvidenceController(EvidenceService evidence, CurrentUser currentUser) {
        this.evidence = evidence;
        this.currentUser = currentUser;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "Taken, with its type and fingerprint; Location is its address")
    ResponseEntity<EvidenceFile> add(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                     @RequestParam(name = "public", defaultValue = "false") boolean published) throws IOException {
        EvidenceFile added = evidence.add(id, file.getOriginalFilename(), file.getBytes(), published, currentUser.id());
        return ResponseEntity.created(URI.create("/api/recommendations/" + id + "/evidence/" + added.id())).body(added);
    }

    @GetMapping
    List<EvidenceFile> list(@PathVariable long id) {
        return evidence.list(id);
    }

    /** The file as received, as a download, in the type read from its content. */
    @GetMapping("/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return EvidenceFile.asDownload(evidence.download(id, fileId), false);
    }

    /** Documents the download as what it is: a file of one of the kinds evidence may be, whatever the client asked for. */
    @Bean
    static OperationCustomizer evidenceDownloadTypes() {
        return (operation, handler) -> {
            if (handler.getMethod().getDeclaringClass() == EvidenceController.class && handler.getMethod().getName().equals("download")) {
                Content content = new Content();
                EvidenceTypes.allowed().forEach(type -> content.addMediaType(type,
                        new io.swagger.v3.oas.models.media.MediaType().schema(new StringSchema().format("binary"))));
                operation.getResponses().get("200").setContent(content);
            }
            return operation;
        };
    }

    @GetMapping("/{fileId}/check")
    EvidenceCheck check(@PathVariable long id, @PathVariable long fileId) {
        return evidence.check(id, fileId);
    }
}
