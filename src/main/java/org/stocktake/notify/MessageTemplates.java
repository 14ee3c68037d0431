package org.stocktake.notify;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.stocktake.review.Recommendation;
import org.stocktake.review.Review;

/**
 * The words of a notification, as plain text and as HTML: what happened, the review and the
 * recommendation it is about, when something is due (in the one clock's zone), the recommendation's target
 * date as it stands when the message is written (so the reminders after an approved extension
 * carry the new one), and a link to the task in Tasklist.
 */
@Component
class MessageTemplates {

    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    static final DateTimeFormatter TARGET = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final int TEXT_SHOWN = 600;

    private final NotifySettings settings;
    private final ZoneId zone;

    MessageTemplates(NotifySettings settings, Clock clock) {
        this.settings = settings;
        this.zone = clock.getZone();
    }

    record Message(String subject, String text, String html) {
    }

    Message render(Notice notice, Recommendation recommendation, Review review) {
        String subject = "[Stocktake] " + prefix(notice.kind()) + notice.headline() + ": " + recommendation.businessKey();
        String recommendationText = recommendation.text().length() > TEXT_SHOWN
                ? recommendation.text().substring(0, TEXT_SHOWN) + "…" : recommendation.text();
        String due = notice.due() == null ? null : DUE.format(notice.due().atZoneSameInstant(zone));
        String target = recommendation.targetDate() == null ? null : TARGET.format(recommendation.targetDate());
        String link = notice.taskId() == null
                ? settings.baseUrl() + "/camunda/app/tasklist/default/"
                : settings.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + notice.taskId();

        StringBuilder text = new StringBuilder()
                .append(notice.headline()).append("\n\n")
                .append("Recommendation ").append(recommendation.businessKey()).append(" of ").append(review.title()).append(":\n")
                .append('"').append(recommendationText).append("\"\n\n");
        if (notice.detail() != null) {
            text.append(notice.detail()).append("\n\n");
        }
        if (due != null) {
            text.append("Due: ").append(due).append("\n");
        }
        if (target != null) {
            text.append("Target date for the recommendation: ").append(target).append("\n");
        }
        if (due != null || target != null) {
            text.append("\n");
        }
        text.append(notice.taskId() == null ? "Tasklist: " : "Open the task: ").append(link).append("\n\n-- \nStocktake\n");

        StringBuilder html = new StringBuilder()
                .append("<html><body style=\"font-family: sans-serif\">")
                .append("<p><strong>").append(escape(notice.headline())).append("</strong></p>")
                .append("<p>Recommendation <strong>").append(escape(recommendation.businessKey())).append("</strong> of <em>")
                .append(escape(review.title())).append("</em>:</p>")
                .append("<blockquote>").append(escape(recommendationText)).append("</blockquote>");
        if (notice.detail() != null) {
            html.append("<p>").append(escape(notice.detail())).append("</p>");
        }
        if (due != null) {
            html.append("<p>Due: <strong>").append(escape(due)).append("</strong></p>");
        }
        if (target != null) {
            html.append("<p>Target date for the recommendation: ").append(escape(target)).append("</p>");
        }
        html.append("<p><a href=\"").append(escape(link)).append("\">")
                .append(notice.taskId() == null ? "Open Tasklist" : "Open the task in Tasklist").append("</a></p>")
                .append("<p style=\"color: #666\">Stocktake</p></body></html>");
        return new Message(subject, text.toString(), html.toString());
    }

    private static String prefix(NoticeKind kind) {
        return switch (kind) {
            case TASK_OPENED -> "";
            case TASK_ASSIGNED -> "Assigned to you: ";
            case REMINDER -> "Reminder: ";
            case OVERDUE -> "Overdue: ";
            case DECISION -> "Decision: ";
        };
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
