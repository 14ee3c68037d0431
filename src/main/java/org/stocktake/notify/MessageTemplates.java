package org.stocktake.notify;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.stocktake.calendar.UkDates;
import org.stocktake.review.Recommendation;
import org.stocktake.review.Review;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The words of a notification, as plain text and as HTML (Thymeleaf templates in
 * {@code templates/mail/}; the HTML one escapes what it shows): what happened, the review and the
 * recommendation it is about, when something is due (in the one clock's zone), the
 * recommendation's target date as it stands when the message is written (so the reminders after
 * an approved extension carry the new one), and a link to the task in Tasklist.
 */
@Component
class MessageTemplates {

    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    static final int TEXT_SHOWN = 600;
    static final String TEXT = "mail/notice.txt";
    static final String HTML = "mail/notice";

    private final NotifySettings settings;
    private final ZoneId zone;
    private final ITemplateEngine templates;

    MessageTemplates(NotifySettings settings, Clock clock, ITemplateEngine templates) {
        this.settings = settings;
        this.zone = clock.getZone();
        this.templates = templates;
    }

    record Message(String subject, String text, String html) {
    }

    Message render(Notice notice, Recommendation recommendation, Review review) {
        return render(notice, recommendation, review, notice.taskId() == null
                ? settings.baseUrl() + "/camunda/app/tasklist/default/"
                : settings.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + notice.taskId(),
                notice.taskId() != null ? "Open the task in Tasklist" : "Open Tasklist");
    }

    /** The message with its one link: to Tasklist, or to the form a response link opens. */
    Message render(Notice notice, Recommendation recommendation, Review review, String link, String linkText) {
        String subject = "[Stocktake] " + prefix(notice.kind()) + notice.headline() + ": " + recommendation.businessKey();
        Context words = new Context(Locale.UK);
        words.setVariable("headline", notice.headline());
        words.setVariable("businessKey", recommendation.businessKey());
        words.setVariable("reviewTitle", review.title());
        words.setVariable("text", recommendation.text().length() > TEXT_SHOWN
                ? recommendation.text().substring(0, TEXT_SHOWN) + "…" : recommendation.text());
        words.setVariable("detail", notice.detail());
        words.setVariable("due", notice.due() == null ? null : DUE.format(notice.due().atZoneSameInstant(zone)));
        words.setVariable("target", recommendation.targetDate() == null ? null : UkDates.DAY.format(recommendation.targetDate()));
        words.setVariable("link", link);
        words.setVariable("linkText", linkText);
        return new Message(subject, templates.process(new TemplateSpec(TEXT, TemplateMode.TEXT), words),
                templates.process(new TemplateSpec(HTML, TemplateMode.HTML), words));
    }

    private static String prefix(NoticeKind kind) {
        return switch (kind) {
            case TASK_OPENED -> "";
            case TASK_ASSIGNED -> "Assigned to you: ";
            case REMINDER -> "Reminder: ";
            case OVERDUE -> "Overdue: ";
            case DECISION -> "Decision: ";
            case RESPONSE_LINK -> "Your answer is asked for: ";
        };
    }

}
