package org.stocktake.lifecycle;

import static org.mockito.Mockito.mock;

import java.io.IOException;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.camunda.bpm.engine.ProcessEngine;
import org.stocktake.notify.Notifications;
import org.stocktake.notify.Reminders;
import org.stocktake.oversight.Decisions;
import org.stocktake.oversight.Escalations;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;
import org.stocktake.review.WorkingDays;

/**
 * The lifecycle's real beans, as the model's expressions name them, wired to mocked domain
 * services and the settings of application.yml, for process tests without Spring.
 */
final class LifecycleTestBeans {

    final RecommendationService recommendations = mock(RecommendationService.class);
    final ReviewService reviews = mock(ReviewService.class);
    final Decisions decisions = mock(Decisions.class);
    final Escalations escalations = mock(Escalations.class);
    final Reminders reminders = mock(Reminders.class);
    final Notifications notifications = mock(Notifications.class);
    final ReportingCalendar calendar;
    final ResponseRound responseRound;

    /** The policies are the real decision tables, evaluated by the test's engine. */
    LifecycleTestBeans(ProcessEngine engine) {
        Binder settings = applicationSettings();
        WorkingDays workingDays = settings.bind("stocktake.calendar", WorkingDays.class).orElseGet(() -> new WorkingDays(null));
        calendar = new ReportingCalendar(settings.bind("stocktake.reporting", ReportingSettings.class).get(), workingDays);
        responseRound = new ResponseRound(recommendations, calendar, workingDays,
                settings.bind("stocktake.response", ResponseSettings.class).get());
        Policies policies = new Policies(engine.getDecisionService());
        Mocks.register("reportingCalendar", calendar);
        Mocks.register("responseRound", responseRound);
        Mocks.register("updatePlanner", new UpdatePlanner(calendar));
        Mocks.register("responseConclusion", new ResponseConclusion(recommendations));
        Mocks.register("reminding", new Reminding(reminders, responseRound, calendar));
        Mocks.register("escalating", new Escalating(escalations, policies, recommendations, reviews, responseRound, calendar, notifications));
        Mocks.register("taskFormContext", new TaskFormContext(recommendations, reviews, escalations));
        InstanceAccess instanceAccess = new InstanceAccess(recommendations);
        Mocks.register("instanceAccess", instanceAccess);
        Mocks.register("submissions", new Submissions(recommendations, reviews, decisions, policies, instanceAccess));
    }

    static void reset() {
        Mocks.reset();
    }

    private static Binder applicationSettings() {
        try {
            PropertySource<?> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml")).get(0);
            return new Binder(ConfigurationPropertySources.from(yaml));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read application.yml", e);
        }
    }
}
