package org.stocktake.policy;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.web.RequestBodies;

/**
 * {@code /api/policies}: the escalation and assurance policies in force, and a new version from
 * the secretariat ({@code PUT /api/policies/EscalationPolicy} with the DMN file as the body, as
 * saved by Camunda Modeler). Who may call what is in the security configuration.
 */
@RestController
@RequestMapping("/api/policies")
class PolicyController {

    /** Far more than any decision table a person maintains. */
    static final long MAX_TABLE_BYTES = 1024 * 1024;

    private final PolicyVersionService versions;

    PolicyController(PolicyVersionService versions) {
        this.versions = versions;
    }

    @GetMapping
    List<PolicyVersionService.PolicyVersion> current() {
        return versions.current();
    }

    @GetMapping(path = "/{key}", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] table(@PathVariable String key) throws IOException {
        return versions.currentTable(key);
    }

    @PutMapping(path = "/{key}", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The decision table, a DMN file (XML) of at most 1 MB",
            content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string")))
    PolicyVersionService.PolicyVersion deploy(@PathVariable String key, HttpServletRequest request) throws IOException {
        return versions.deploy(key, RequestBodies.readAtMost(request, MAX_TABLE_BYTES,
                "A policy table is at most 1 MB; this one is larger"));
    }
}
