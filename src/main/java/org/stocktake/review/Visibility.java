package org.stocktake.review;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.stocktake.security.CurrentUser;
import org.stocktake.security.Roles;

/**
 * Who may see what of a recommendation through the API, by the engine's rules: the roles see every
 * recommendation, an organisation only those it is an addressee or the owner of. Restricted notes
 * reach only the owner, the secretariat and the board.
 */
@Component
public class Visibility {

    private final CurrentUser currentUser;

    Visibility(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Whether the caller holds a role that sees every recommendation, rather than an organisation's. */
    public boolean seesEverything() {
        return currentUser.isInAny(Roles.SECRETARIAT, Roles.OVERSIGHT_BOARD, Roles.OBSERVER, Roles.CAMUNDA_ADMIN);
    }

    /**
     * The groups through which the caller sees recommendations (as their owner or an addressee),
     * for counting in the database as {@link #canSee} decides; empty when they see every one.
     */
    public Optional<Set<String>> scope() {
        return seesEverything() ? Optional.empty() : Optional.of(currentUser.groups());
    }

    public boolean canSee(Recommendation recommendation) {
        return canSee(recommendation.ownerGroup(), recommendation.addressees());
    }

    private boolean canSee(String ownerGroup, List<String> addressees) {
        return seesEverything() || currentUser.isInAny(ownerGroup) || addressees.stream().anyMatch(currentUser::isInAny);
    }

    public List<Recommendation> visible(List<Recommendation> recommendations) {
        return recommendations.stream().filter(this::canSee).toList();
    }

    /**
     * Whether the caller runs the oversight: the secretariat and the board. They read the addresses
     * response links were mailed to, and add evidence to a closed recommendation (for its assurance check).
     */
    public boolean oversees() {
        return currentUser.isInAny(Roles.SECRETARIAT, Roles.OVERSIGHT_BOARD);
    }

    public boolean canReadRestrictedNotes(Recommendation recommendation) {
        return currentUser.isInAny(Roles.SECRETARIAT, Roles.OVERSIGHT_BOARD, recommendation.ownerGroup());
    }
}
