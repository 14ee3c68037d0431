package org.stocktake.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.stocktake.errors.NotFoundException;
import org.stocktake.evidence.EvidenceService;
import org.stocktake.imports.RegisterImport;
import org.stocktake.lifecycle.OpenTaskService;
import org.stocktake.notify.Reminder;
import org.stocktake.respond.ResponseLink;
import org.stocktake.respond.ResponseLinkService;
import org.stocktake.notify.ReminderService;
import org.stocktake.oversight.DecisionKind;
import org.stocktake.oversight.EscalationService;
import org.stocktake.oversight.OversightDecisionService;
import org.stocktake.review.ProgressUpdate;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;
import org.stocktake.review.Visibility;
import org.stocktake.security.Directory;

/**
 * Assembles a recommendation's timeline from our tables: responses, progress updates, escalations,
 * reminders, decisions, response links, evidence files and the fingerprints the board saw, and
 * its review's publication. Restricted notes are shown only to the owner
 * organisation, the secretariat and the board.
 */
@Service
class TimelineService {

    private final RecommendationService recommendations;
    private final OversightDecisionService decisions;
    private final EscalationService escalations;
    private final ReminderService reminders;
    private final OpenTaskService openTasks;
    private final RegisterImport imports;
    private final Visibility visibility;
    private final Directory directory;
    private final ReviewService reviews;
    private final ResponseLinkService links;
    private final EvidenceService evidence;

    TimelineService(RecommendationService recommendations, OversightDecisionService decisions, EscalationService escalations,
                    ReminderService reminders, OpenTaskService openTasks, RegisterImport imports, Visibility visibility, Directory directory,
                    ReviewService reviews, ResponseLinkService links, EvidenceService evidence) {
        this.recommendations = recommendations;
        this.decisions = decisions;
        this.escalations = escalations;
        this.reminders = reminders;
        this.openTasks = openTasks;
        this.imports = imports;
        this.visibility = visibility;
        this.directory = directory;
        this.reviews = reviews;
        this.links = links;
        this.evidence = evidence;
    }

    Timeline of(long recommendationId) {
        Recommendation recommendation = recommendations.get(recommendationId);
        if (!visibility.canSee(recommendation)) {
            throw new NotFoundException("No recommendation with id " + recommendationId);
        }
        boolean mayReadRestricted = visibility.canReadRestrictedNotes(recommendation);
        List<Reminder> sent = reminders.list(recommendationId);
        Set<String> organisations = new HashSet<>(recommendation.addressees());
        sent.forEach(reminder -> organisations.add(reminder.recipientGroup()));
        List<ResponseLink> issued = links.list(recommendationId);
        issued.forEach(link -> organisations.add(link.organisation()));
        Map<String, String> names = directory.organisationNames(organisations);
        List<TimelineEntry> entries = new ArrayList<>();
        imports.originOf(recommendationId).ifPresent(origin -> entries.add(new TimelineEntry(
                origin.importedAt(), "IMPORT", origin.importedBy(),
                "Imported from " + origin.fileName() + " as " + origin.importedStatus(),
                details("importId", origin.importId(), "fileName", origin.fileName(), "status", origin.importedStatus()))));
        recommendations.responses(recommendationId).forEach(response -> entries.add(new TimelineEntry(
                response.respondedAt(), "RESPONSE", response.respondedBy(),
                names.get(response.addressee()) + " responded" + throughLink(response.respondedBy(), recommendationId) + ": " + response.decision().label(),
                details("addressee", response.addressee(), "decision", response.decision(),
                        "responseText", response.responseText(), "rationale", response.rationale(),
                        "dueOn", response.dueOn(), "round", response.responseRound()))));
        recommendations.progressUpdates(recommendationId).forEach(update -> entries.add(new TimelineEntry(
                update.submittedAt(), "PROGRESS_UPDATE", update.submittedBy(), summary(update) + throughLink(update.submittedBy(), recommendationId),
                details("quarter", update.quarter(), "rag", update.rag(), "publicUpdate", update.publicUpdate(),
                        "restrictedNote", mayReadRestricted ? update.restrictedNote() : null,
                        "proposal", update.proposal(), "proposedTargetDate", update.proposedTargetDate(),
                        "evidence", update.evidence(), "imported", update.imported() ? true : null))));
        escalations.list(recommendationId).forEach(escalation -> entries.add(new TimelineEntry(
                escalation.raisedAt(), "ESCALATION", "system", escalation.summary(),
                details("reason", escalation.reason(), "subject", escalation.subject(), "reviewedAt", escalation.reviewedAt()))));
        sent.forEach(reminder -> entries.add(new TimelineEntry(
                reminder.createdAt(), "REMINDER", "system",
                "Reminder to " + names.get(reminder.recipientGroup()) + " about " + reminder.subject(),
                details("kind", reminder.kind(), "recipientGroup", reminder.recipientGroup(), "dueAt", reminder.dueAt()))));
        decisions.list(recommendationId).forEach(decision -> entries.add(new TimelineEntry(
                decision.decidedAt(), "DECISION", decision.decidedBy(), decision.kind().label() + ": " + DecisionKind.outcomeInWords(decision.outcome()),
                details("kind", decision.kind(), "outcome", decision.outcome(), "comment", decision.comment(),
                        "escalationId", decision.escalationId(), "changes", decision.changes()))));
        reviews.publications(recommendation.reviewCode()).forEach(publication -> entries.add(new TimelineEntry(
                publication.changedAt(), "PUBLICATION", publication.changedBy(),
                publication.published() ? "Review published: its progress report is open to anyone" : "Review unpublished",
                details("published", publication.published()))));
        issued.forEach(link -> {
            String forWhom = names.getOrDefault(link.organisation(), link.organisation());
            entries.add(new TimelineEntry(link.issuedAt(), "RESPONSE_LINK", link.issuedBy(), "Link to " + link.purpose().label()
                    .toLowerCase(Locale.UK) + " for " + forWhom + " " + sentTo(link),
                    details("linkId", link.id(), "organisation", link.organisation(), "purpose", link.purpose(),
                            "sentTo", visibility.oversees() ? link.sentTo() : null, "expiresAt", link.expiresAt())));
            if (link.revokedAt() != null) {
                entries.add(new TimelineEntry(link.revokedAt(), "RESPONSE_LINK", link.revokedBy(), "Link for " + forWhom + " withdrawn",
                        details("linkId", link.id(), "organisation", link.organisation())));
            }
        });
        evidence.list(recommendationId).forEach(file -> entries.add(new TimelineEntry(file.uploadedAt(), "EVIDENCE", file.uploadedBy(),
                "Evidence added: " + file.fileName() + " (" + file.description() + (file.published() ? ", may be published" : "") + ")",
                details("fileId", file.id(), "fileName", file.fileName(), "sha256", file.sha256(), "published", file.published()))));
        evidence.signOffs(recommendationId).forEach(seen -> entries.add(new TimelineEntry(seen.signedOffAt(), "EVIDENCE_SIGN_OFF",
                seen.signedOffBy(), "Seen at the board's sign-off: " + seen.fileName() + ", SHA-256 " + seen.sha256(),
                details("fileId", seen.evidenceId(), "sha256", seen.sha256()))));
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return new Timeline(recommendationId, recommendation.businessKey(), recommendation.text(), recommendation.status(), entries,
                openTasks.of(recommendation.businessKey()));
    }

    /** " through link sent to …" when a response link answered, or nothing. */
    private String throughLink(String by, long recommendationId) {
        return links.actingAs(by, recommendationId).map(link -> " through link " + sentTo(link)).orElse("");
    }

    /** To whom a link went; the address only to the secretariat and the board, who deal with the organisation. */
    private String sentTo(ResponseLink link) {
        if (link.sentTo() == null) {
            return "handed on by the secretariat";
        }
        return visibility.oversees() ? "sent to " + link.sentTo() : "sent by e-mail";
    }

    private static String summary(ProgressUpdate update) {
        return update.imported()
                ? "Public update imported from the legacy register (" + update.quarter() + ")"
                : "Progress update for " + update.quarter() + ": " + update.rag().label() + "; " + update.proposal().label();
    }

    /** Name-value pairs, leaving out the empty ones. */
    private static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                details.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return details;
    }
}
