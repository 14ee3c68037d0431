package org.stocktake.respond;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.security.CurrentUser;

/**
 * The secretariat's response links for a recommendation ({@code /api/recommendations/{id}/response-links}):
 * issue one for an organisation without accounts (mailed when an address is given), list them,
 * revoke one. A link's address is answered once, when it is issued; Stocktake keeps only its hash.
 */
@RestController
@RequestMapping("/api/recommendations/{id}/response-links")
class ResponseLinkController {

    private final ResponseLinkService links;
    private final CurrentUser currentUser;
    private final Clock clock;

    ResponseLinkController(ResponseLinkService links, CurrentUser currentUser, Clock clock) {
        this.links = links;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whom to send a link to: the organisation's id, and the address to mail it to (optional). */
    record LinkRequest(String addressee, String email) {
    }

    /** A link as the API shows it; {@code url} only in the answer that issued it. */
    record LinkView(long id, String addressee, LinkPurpose purpose, String sentTo, String issuedBy, OffsetDateTime issuedAt,
                    OffsetDateTime expiresAt, OffsetDateTime usedAt, String revokedBy, OffsetDateTime revokedAt, ResponseLink.State state,
                    String url) {

        static LinkView of(ResponseLink link, OffsetDateTime now, String url) {
            return new LinkView(link.id(), link.organisation(), link.purpose(), link.sentTo(), link.issuedBy(), link.issuedAt(),
                    link.expiresAt(), link.usedAt(), link.revokedBy(), link.revokedAt(), link.state(now), url);
        }
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Issued (and mailed, when an address was given); url is its address, given only here")
    ResponseEntity<LinkView> issue(@PathVariable long id, @RequestBody LinkRequest request) {
        ResponseLinkService.IssuedLink issued = links.issue(id, request.addressee(), blankToNull(request.email()), currentUser.id());
        return ResponseEntity.created(URI.create("/api/recommendations/" + id + "/response-links/" + issued.link().id()))
                .body(LinkView.of(issued.link(), OffsetDateTime.now(clock), issued.url()));
    }

    @GetMapping
    List<LinkView> list(@PathVariable long id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return links.list(id).stream().map(link -> LinkView.of(link, now, null)).toList();
    }

    @DeleteMapping("/{linkId}")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long linkId) {
        links.revoke(id, linkId, currentUser.id());
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
