package org.stocktake.report;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.stocktake.oversight.Decision;
import org.stocktake.oversight.DecisionKind;
import org.stocktake.oversight.OversightDecisionService;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ResponseTiming;

/**
 * How long the lifecycle's steps took, from the register's own records (which are kept for good,
 * unlike the engine's history, cleaned three years after a process ends): each response (its round
 * opening to the answer), each assignment of an owner (the last response before it, or the
 * registration, to the assignment), and each sign-off (registration to the board's last sign-off,
 * which closes the recommendation if the board approved it). Recommendations imported as closed
 * never ran these steps and count in none.
 */
@Component
class StepTimeReport {

    enum Step { RESPONSE, ASSIGNMENT, SIGN_OFF }

    /** One step taken on one recommendation, and how long it took. */
    record StepTime(Step step, String businessKey, Duration duration) {
    }

    private final RecommendationService recommendations;
    private final OversightDecisionService decisions;

    StepTimeReport(RecommendationService recommendations, OversightDecisionService decisions) {
        this.recommendations = recommendations;
        this.decisions = decisions;
    }

    /** Every finished step of these recommendations. */
    List<StepTime> of(Collection<Recommendation> taken) {
        Map<Long, String> businessKeys = taken.stream().collect(Collectors.toMap(Recommendation::id, Recommendation::businessKey));
        Map<Long, OffsetDateTime> registeredAt = recommendations.registeredAt();
        Map<Long, List<ResponseTiming>> responses = recommendations.responseTimings().stream()
                .filter(response -> businessKeys.containsKey(response.recommendationId()))
                .collect(Collectors.groupingBy(ResponseTiming::recommendationId));
        Map<Long, List<Decision>> signOffs = ofKind(DecisionKind.CLOSURE_SIGN_OFF, businessKeys);
        Map<Long, List<Decision>> assignments = ofKind(DecisionKind.OWNER_ASSIGNMENT, businessKeys);

        // a later round opens when the board's sign-off sends the recommendation back to its addressees
        Stream<StepTime> responseSteps = responses.values().stream().flatMap(List::stream).map(response -> {
            OffsetDateTime registered = registeredAt.get(response.recommendationId());
            OffsetDateTime opened = response.responseRound() == 1 ? registered
                    : latestBefore(signOffs.get(response.recommendationId()), Decision::decidedAt, response.respondedAt(), false)
                    .orElse(registered);
            return step(Step.RESPONSE, businessKeys.get(response.recommendationId()), opened, response.respondedAt());
        });
        Stream<StepTime> assignmentSteps = assignments.values().stream().flatMap(List::stream).map(assignment -> step(Step.ASSIGNMENT,
                businessKeys.get(assignment.recommendationId()),
                latestBefore(responses.get(assignment.recommendationId()), ResponseTiming::respondedAt, assignment.decidedAt(), true)
                        .orElse(registeredAt.get(assignment.recommendationId())),
                assignment.decidedAt()));
        Stream<StepTime> signOffSteps = signOffs.entrySet().stream().map(signedOff -> step(Step.SIGN_OFF,
                businessKeys.get(signedOff.getKey()), registeredAt.get(signedOff.getKey()),
                signedOff.getValue().stream().map(Decision::decidedAt).max(Comparator.naturalOrder()).orElseThrow()));
        return Stream.of(responseSteps, assignmentSteps, signOffSteps).flatMap(steps -> steps).toList();
    }

    private Map<Long, List<Decision>> ofKind(DecisionKind kind, Map<Long, String> wanted) {
        return decisions.ofKind(kind).stream().filter(decision -> wanted.containsKey(decision.recommendationId()))
                .collect(Collectors.groupingBy(Decision::recommendationId));
    }

    /** The latest of these moments before {@code until} (or at it, when {@code inclusive}). */
    private static <T> Optional<OffsetDateTime> latestBefore(List<T> items, Function<T, OffsetDateTime> moment, OffsetDateTime until,
                                                             boolean inclusive) {
        return Stream.ofNullable(items).flatMap(List::stream).map(moment).filter(Objects::nonNull)
                .filter(at -> at.isBefore(until) || (inclusive && at.isEqual(until)))
                .max(Comparator.naturalOrder());
    }

    private static StepTime step(Step step, String businessKey, OffsetDateTime opened, OffsetDateTime done) {
        return new StepTime(step, businessKey, Duration.between(opened, done));
    }
}
