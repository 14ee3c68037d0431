package org.stocktake.respond;

import java.time.OffsetDateTime;

/**
 * A link issued to an organisation for one recommendation: to whom it was sent, by whom and when,
 * until when it works, and whether it was used or revoked. Its token is never kept, only its hash.
 */
public record ResponseLink(long id, long recommendationId, String organisation, LinkPurpose purpose, String taskId, String sentTo, String issuedBy,
                           OffsetDateTime issuedAt, OffsetDateTime expiresAt, OffsetDateTime usedAt, String revokedBy,
                           OffsetDateTime revokedAt) {

    public enum State {
        USABLE, USED, REVOKED, EXPIRED
    }

    public State state(OffsetDateTime now) {
        if (usedAt != null) {
            return State.USED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.USABLE : State.EXPIRED;
    }

    /**
     * Who answered, as the register records it: "link:12". No user id can be written so (user ids
     * are letters, digits and hyphens), so no person can pass for a link, nor a link for a person.
     */
    public String actingAs() {
        return ACTING_AS + id;
    }

    static final String ACTING_AS = "link:";
}
