package org.stocktake.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.springframework.stereotype.Component;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.review.RecommendationService;

/**
 * The due date of a task that waits on the secretariat or the board, for the model
 * ({@code camunda:dueDate="${taskDeadlines.dueAt(recommendationId, 'assign-owner')}"}): the end of
 * the working day that many working days after the task opens, on the working days of the
 * recommendation's review. With a due date, the secretariat's and the board's backlog shows as due
 * and overdue in Tasklist and in the board pack, as the owners' does.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    private final DeadlineSettings settings;
    private final WorkingDays workingDays;
    private final RecommendationService recommendations;
    private final ReportingCalendar calendar;
    private final Clock clock;

    TaskDeadlines(DeadlineSettings settings, WorkingDays workingDays, RecommendationService recommendations, ReportingCalendar calendar, Clock clock) {
        this.settings = settings;
        this.workingDays = workingDays;
        this.recommendations = recommendations;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Date dueAt(long recommendationId, String formKey) {
        Integer days = settings.workingDays().get(formKey);
        if (days == null) {
            throw new IllegalStateException("stocktake.deadlines.working-days has no entry for " + formKey + ": it sets " + settings.workingDays().keySet());
        }
        return calendar.endOf(workingDays.after(recommendations.get(recommendationId).bankHolidays(), LocalDate.now(clock), days));
    }
}
