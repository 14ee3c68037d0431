package org.stocktake.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.stocktake.review.Recommendation;
import org.stocktake.security.Directory;

/**
 * The organisations and people a form offers to choose from, by name, for the forms' select
 * fields. Each list is one string variable that the form's FEEL expression splits:
 * {@code id=Name;id=Name} for organisations, {@code organisation:userId=Name;...} for people, who
 * are offered once their organisation is chosen. Whoever may read the task reads the lists: the
 * secretariat and the board, who choose from them, and observers, who read every task. That shows
 * observers the names of organisations' people, which they cannot list in Camunda Admin; it is
 * the price of choosing a lead by name, and names of people in this work are no secret to those
 * who oversee it (docs/security.md). A string, not a JSON variable: JSON variables
 * would need Camunda Spin, whose typed JSON objects the engine would then deserialize from what
 * callers send. Each list stops at 4,000 characters, what the engine kept of a string variable
 * when the lists were stored on the task, with the recommendation's addressees and owner first;
 * the server checks every choice anyway.
 */
@Component
class FormChoices {

    /** How long a list may be: what the engine keeps of a string variable, from when the lists were stored. */
    static final int LIMIT = 4000;
    /**
     * How long one directory read serves the forms shown after it: every assign-owner and
     * escalation form reads the lists as it is shown, and the directory changes far less often.
     */
    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final Directory directory;
    private final Clock clock;
    private volatile DirectoryRead lastRead;

    FormChoices(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The organisations, and each one's people, as read at one moment. */
    private record DirectoryRead(Instant at, Map<String, String> organisations, Map<String, Map<String, String>> people) {
    }

    /** Every organisation and its people, the recommendation's own first, then in order of name. */
    Map<String, String> of(Recommendation recommendation) {
        DirectoryRead read = directoryRead();
        Map<String, String> organisations = read.organisations();
        Set<String> own = new LinkedHashSet<>(recommendation.addressees());
        if (recommendation.ownerGroup() != null) {
            own.add(recommendation.ownerGroup());
        }
        own.retainAll(organisations.keySet());
        Set<String> ordered = new LinkedHashSet<>(own);
        ordered.addAll(organisations.keySet());
        List<String> organisationChoices = new ArrayList<>();
        List<String> personChoices = new ArrayList<>();
        for (String organisation : ordered) {
            organisationChoices.add(organisation + "=" + plain(organisations.get(organisation)));
            read.people().get(organisation).forEach((userId, name) -> personChoices.add(organisation + ":" + userId + "=" + plain(name)));
        }
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put(ProcessVariables.ORGANISATION_CHOICES, withinLimit(organisationChoices));
        choices.put(ProcessVariables.PERSON_CHOICES, withinLimit(personChoices));
        return choices;
    }

    private DirectoryRead directoryRead() {
        DirectoryRead read = lastRead;
        Instant now = clock.instant();
        if (read == null || read.at().plus(FRESH_FOR).isBefore(now)) {
            Map<String, String> organisations = directory.organisations();
            Map<String, Map<String, String>> people = new LinkedHashMap<>();
            organisations.keySet().forEach(organisation -> people.put(organisation, directory.membersOf(organisation)));
            read = new DirectoryRead(now, organisations, people);
            lastRead = read;
        }
        return read;
    }

    /** A name as a choice: the separator cannot be in it. */
    private static String plain(String name) {
        return name.replace(';', ',');
    }

    /** As many choices, in order, as the engine keeps. */
    private static String withinLimit(List<String> choices) {
        StringBuilder joined = new StringBuilder();
        for (String choice : choices) {
            if (joined.length() + choice.length() + 1 > LIMIT) {
                break;
            }
            joined.append(joined.isEmpty() ? "" : ";").append(choice);
        }
        return joined.toString();
    }
}
