package org.stocktake.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.engine.EngineClock;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationStatus;
import org.stocktake.review.Review;
import org.stocktake.review.ReviewKind;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** A notification's words, as the plain-text and HTML templates give them. */
class MessageTemplatesTest {

    static final Review REVIEW = new Review(1, "PFD-WESTMINSTER-2018", "Westminster Bridge inquests", ReviewKind.PFD_REPORT,
            LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 1), BankHolidays.ENGLAND_AND_WALES);
    static final Recommendation RECOMMENDATION = new Recommendation(29, REVIEW.code(), "MC16", null,
            "Review <the> barriers & gates.", RecommendationStatus.IN_PROGRESS, List.of("home-office"), "home-office", null,
            LocalDate.of(2028, 6, 30), LocalDate.of(2027, 3, 1), BankHolidays.ENGLAND_AND_WALES, 1, 0);

    MessageTemplates templates = new MessageTemplates(
            new NotifySettings("https://stocktake.example", "stocktake@example", Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofHours(1)),
            new EngineClock(ZoneId.of("Europe/London")), templateEngineAsSpringBootConfiguresIt());

    @Test
    void aReminderSaysWhatIsDueWhenAndLinksItsTask() {
        MessageTemplates.Message message = templates.render(new Notice(NoticeKind.REMINDER, 29, "Response from home-office due",
                "Due in 7 days.", "42", OffsetDateTime.parse("2027-03-01T17:00:00Z")), RECOMMENDATION, REVIEW);

        assertThat(message.subject()).isEqualTo("[Stocktake] Reminder: Response from home-office due: PFD-WESTMINSTER-2018/MC16");
        assertThat(message.text()).isEqualTo("""
                Response from home-office due

                Recommendation PFD-WESTMINSTER-2018/MC16 of Westminster Bridge inquests:
                "Review <the> barriers & gates."

                Due in 7 days.

                Due: Monday 1 March 2027, 17:00
                Target date for the recommendation: 30 June 2028

                Open the task in Tasklist: https://stocktake.example/camunda/app/tasklist/default/#/?task=42

                --\s
                Stocktake
                """);
        assertThat(message.html()).contains("<blockquote>Review &lt;the&gt; barriers &amp; gates.</blockquote>",
                "<p>Due: <strong>Monday 1 March 2027, 17:00</strong></p>",
                "<a href=\"https://stocktake.example/camunda/app/tasklist/default/#/?task=42\">Open the task in Tasklist</a>",
                "<html lang=\"en-GB\">");
    }

    @Test
    void aNoticeWithoutATaskDueDateOrDetailLinksTasklistAndLeavesTheirLinesOut() {
        Recommendation withoutTarget = new Recommendation(29, REVIEW.code(), "MC16", null, "Short.", RecommendationStatus.IN_PROGRESS,
                List.of(), null, null, null, LocalDate.of(2027, 3, 1), BankHolidays.ENGLAND_AND_WALES, 1, 0);
        MessageTemplates.Message message = templates.render(new Notice(NoticeKind.DECISION, 29, "Extension approved", null, null, null),
                withoutTarget, REVIEW);

        assertThat(message.text()).isEqualTo("""
                Extension approved

                Recommendation PFD-WESTMINSTER-2018/MC16 of Westminster Bridge inquests:
                "Short."

                Open Tasklist: https://stocktake.example/camunda/app/tasklist/default/

                --\s
                Stocktake
                """);
        assertThat(message.html()).contains(">Open Tasklist</a>").doesNotContain("Due:", "Target date");
    }

    /** Spring Boot's Thymeleaf set-up: templates under templates/, HTML by default, .html added where a name has no extension. */
    private static SpringTemplateEngine templateEngineAsSpringBootConfiguresIt() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
