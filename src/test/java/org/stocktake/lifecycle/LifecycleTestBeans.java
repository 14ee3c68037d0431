package org.stocktake.lifecycle;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.stocktake.calendar.CalendarSettings;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.engine.EngineClock;
import org.stocktake.engine.EngineZone;
import org.stocktake.notify.NotificationService;
import org.stocktake.notify.ReminderService;
import org.stocktake.oversight.EscalationService;
import org.stocktake.evidence.EvidenceService;
import org.stocktake.oversight.OversightDecisionService;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.ReviewService;
import org.stocktake.security.Directory;

/**
 * The lifecycle's real beans, as the model's expressions name them, wired to mocked domain
 * services and the settings of application.yml, for process tests without Spring. The JVM's
 * default zone is set from {@code stocktake.zone}, as the application sets it, since the engine
 * adds its timers' periods in it.
 */
final class LifecycleTestBeans {

    final RecommendationService recommendations = mock(RecommendationService.class);
    final ReviewService reviews = mock(ReviewService.class);
    final OversightDecisionService decisions = mock(OversightDecisionService.class);
    final EvidenceService evidence = mock(EvidenceService.class);
    final EscalationService escalations = mock(EscalationService.class);
    final ReminderService reminders = mock(ReminderService.class);
    final NotificationService notifications = mock(NotificationService.class);
    /** Knows every organisation as "the <id> organisation". */
    final Directory directory = mock(Directory.class);
    final Clock clock;
    final ReportingCalendar calendar;
    final ResponseRound responseRound;
    final FormContext formContext;

    /** The policies are the real decision tables, evaluated by the test's engine from the model's business rule tasks. */
    @SuppressWarnings("unchecked")
    LifecycleTestBeans(ProcessEngine engine) {
        Binder settings = applicationSettings();
        ZoneId zone = EngineZone.parse(settings.bind(EngineZone.SETTING, String.class).get());
        EngineZone.useAsDefault(zone);
        clock = new EngineClock(zone);
        WorkingDays workingDays = new WorkingDays(settings.bind("stocktake.calendar", CalendarSettings.class).orElseGet(() -> new CalendarSettings(null)));
        calendar = new ReportingCalendar(settings.bind("stocktake.reporting", ReportingSettings.class).get(), workingDays, recommendations, clock);
        responseRound = new ResponseRound(recommendations, calendar, workingDays,
                settings.bind("stocktake.response", ResponseSettings.class).get(), clock);
        Mocks.register("reportingCalendar", calendar);
        Mocks.register("responseRound", responseRound);
        Mocks.register("taskDeadlines", new TaskDeadlines(settings.bind("stocktake.deadlines", DeadlineSettings.class).get(),
                workingDays, recommendations, calendar, clock));
        Mocks.register("updatePlanner", new UpdatePlanner(calendar));
        Mocks.register("responseConclusion", new ResponseConclusion(recommendations));
        TaskReminder taskReminder = new TaskReminder(reminders, calendar, clock);
        Mocks.register("remindAddressee", new RemindAddressee(taskReminder, responseRound));
        Mocks.register("remindOwner", new RemindOwner(taskReminder, calendar));
        Mocks.register("policyInputs", new PolicyInputs(recommendations, reviews, escalations, responseRound, calendar, clock));
        Mocks.register("escalationRecorder", new EscalationRecorder(escalations, responseRound, calendar, notifications));
        when(directory.organisationNames(any())).thenAnswer(call -> ((Collection<String>) call.getArgument(0)).stream()
                .collect(Collectors.toMap(id -> id, id -> "the " + id + " organisation")));
        when(directory.organisations()).thenReturn(Map.of("lfb", "London Fire Brigade"));
        formContext = new FormContext(recommendations, reviews, escalations, directory, new FormChoices(directory, clock));
        InstanceAccess instanceAccess = new InstanceAccess(recommendations);
        Mocks.register("instanceAccess", instanceAccess);
        Mocks.register("submissions", new Submissions(recommendations, decisions, evidence, instanceAccess,
                Validation.buildDefaultValidatorFactory().getValidator(), clock));
    }

    static void reset() {
        Mocks.reset();
    }

    private static Binder applicationSettings() {
        try {
            PropertySource<?> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml")).get(0);
            return new Binder(ConfigurationPropertySources.from(yaml), new PropertySourcesPlaceholdersResolver(List.of(yaml)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read application.yml", e);
        }
    }
}
