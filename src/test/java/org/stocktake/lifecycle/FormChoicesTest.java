package org.stocktake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.security.Directory;

/** The choices a form offers: the recommendation's own organisations first, names kept whole, and never more than the engine keeps. */
class FormChoicesTest {

    final Directory directory = mock(Directory.class);
    Instant now = Instant.parse("2027-01-04T09:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final FormChoices choices = new FormChoices(directory, clock);

    @Test
    void theRecommendationsOwnOrganisationsComeFirstThenEveryOtherWithTheirPeople() {
        when(directory.organisations()).thenReturn(ordered("dft", "Department for Transport", "lfb", "London Fire Brigade",
                "mps", "Metropolitan Police; London"));
        when(directory.membersOf("mps")).thenReturn(Map.of("mps-lead", "Morgan Lead"));
        when(directory.membersOf("dft")).thenReturn(Map.of("dft-lead", "Dee Lead"));
        when(directory.membersOf("lfb")).thenReturn(Map.of("lfb-lead", "Lee Lead"));

        Map<String, String> offered = choices.of(recommendation(List.of("mps"), "lfb"));

        assertThat(offered).containsEntry(ProcessVariables.ORGANISATION_CHOICES,
                        "mps=Metropolitan Police, London;lfb=London Fire Brigade;dft=Department for Transport")
                .containsEntry(ProcessVariables.PERSON_CHOICES, "mps:mps-lead=Morgan Lead;lfb:lfb-lead=Lee Lead;dft:dft-lead=Dee Lead");
    }

    @Test
    void aListLongerThanTheEngineKeepsStopsBeforeItsLimitWithTheRecommendationsOwnFirst() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put("org-" + i, "Organisation number " + i + " of a long list");
        }
        many.put("zz-addressee", "Zulu addressee");
        when(directory.organisations()).thenReturn(many);
        when(directory.membersOf(anyString())).thenReturn(Map.of());

        String offered = choices.of(recommendation(List.of("zz-addressee"), null)).get(ProcessVariables.ORGANISATION_CHOICES);

        assertThat(offered.length()).isLessThanOrEqualTo(FormChoices.LIMIT).isGreaterThan(FormChoices.LIMIT - 60);
        assertThat(offered).startsWith("zz-addressee=Zulu addressee;org-0=");
        assertThat(offered.split(";")).allSatisfy(choice -> assertThat(choice).matches("[a-z0-9-]+=.+"));
    }

    /** An import opens thousands of tasks: the directory is read once a minute, not for each. */
    @Test
    void theDirectoryIsReadAgainOnlyOnceAMinuteHasPassed() {
        when(directory.organisations()).thenReturn(ordered("lfb", "London Fire Brigade"));
        when(directory.membersOf(anyString())).thenReturn(Map.of());
        choices.of(recommendation(List.of("lfb"), null));
        when(directory.organisations()).thenReturn(ordered("lfb", "London Fire Brigade", "tfl", "Transport for London"));

        now = now.plusSeconds(30);
        assertThat(choices.of(recommendation(List.of("lfb"), null))).containsEntry(ProcessVariables.ORGANISATION_CHOICES, "lfb=London Fire Brigade");
        now = now.plusSeconds(31);
        assertThat(choices.of(recommendation(List.of("lfb"), null)))
                .containsEntry(ProcessVariables.ORGANISATION_CHOICES, "lfb=London Fire Brigade;tfl=Transport for London");
        verify(directory, times(2)).organisations();
    }

    private static Recommendation recommendation(List<String> addressees, String ownerGroup) {
        return new Recommendation(1, "R", "1", null, "Text.", RecommendationStatus.AWAITING_ASSIGNMENT, addressees, ownerGroup, null,
                null, null, BankHolidays.ENGLAND_AND_WALES, 1, 0);
    }

    private static Map<String, String> ordered(String... idsAndNames) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            map.put(idsAndNames[i], idsAndNames[i + 1]);
        }
        return map;
    }
}
