package org.stocktake.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stocktake.calendar.UkDates;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.lifecycle.ProcessVariables;
import org.stocktake.review.RecommendationService;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.OwnEngine;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * Notifications arriving as mail at an in-process SMTP server (GreenMail), with the engine's clock
 * driven to each timer's due date before the timer job is executed. The outbox is drained by
 * calling the sender, as its schedule would.
 */
@OwnEngine
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.host=localhost",
        // the tests drain the outbox themselves
        "stocktake.notify.send-every=1h"})
@ActiveProfiles("test")
class MailDeliveryTest {

    /** A free port, not GreenMail's fixed 3025, which another program on the machine may hold. */
    static final ServerSetup SMTP = ServerSetupTest.SMTP.port(freePort());

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", SMTP::getPort);
    }

    static final String REVIEW = "MAIL-2026";
    static final String OWNER_MAIL = "m-owner@stocktake.example";
    static final String BOARD_MAIL = "m-board@stocktake.example";
    static final String SECRETARIAT_MAIL = "m-sec@stocktake.example";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    NotifySettings settings;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    NotificationService notifications;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    JdbcClient jdbc;

    HttpActor admin;
    HttpActor secretariat;
    HttpActor owner;
    HttpActor board;
    Journey journey;

    @BeforeEach
    void people() {
        admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("mail-owner", "Mail owner").user("m-owner", "mail-owner").user("m-sec", "secretariat")
                .user("m-board", "oversight-board");
        secretariat = HttpActor.as(http, "m-sec", People.PASSWORD);
        owner = HttpActor.as(http, "m-owner", People.PASSWORD);
        board = HttpActor.as(http, "m-board", People.PASSWORD);
        journey = new Journey(secretariat, admin).review(REVIEW, "REVIEW");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anUpdateFallsDueItsOwnerIsRemindedThenTheBoardHearsItIsOverdue() throws Exception {
        String processInstanceId = journey.toFirstUpdate(REVIEW, "U1", "mail-owner", owner);
        String businessKey = REVIEW + "/U1";
        Task update = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        sender.sendDue();
        smtp.reset();

        fire(processInstanceId, "BoundaryEvent_UpdateReminderDue");
        Mail reminder = onlyMail(businessKey);
        assertThat(reminder.to()).isEqualTo(OWNER_MAIL);
        assertThat(reminder.subject()).startsWith("[Stocktake] Reminder: Progress update for ").endsWith(" due: " + businessKey);
        assertThat(reminder.text()).contains("Review " + REVIEW, "Recommendation " + businessKey, "Recommendation U1.",
                "Due: " + MessageTemplates.DUE.format(update.getDueDate().toInstant().atZone(LONDON)),
                "Open the task in Tasklist: " + settings.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + update.getId());
        assertThat(reminder.html()).contains("<a href=\"" + settings.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + update.getId() + "\">");

        fire(processInstanceId, "BoundaryEvent_UpdateOverdue");
        Mail overdue = onlyMail(businessKey);
        assertThat(overdue.to()).isEqualTo(OWNER_MAIL);
        assertThat(overdue.subject()).startsWith("[Stocktake] Overdue: Progress update for ");
        assertThat(overdue.text()).contains("It has not gone to the oversight board.");

        // a week later the escalation policy sends it to the board; the owner's task stays open
        fire(processInstanceId, "BoundaryEvent_UpdateOverdue");
        List<Mail> weekLate = mailsAbout(businessKey);
        assertThat(weekLate).extracting(Mail::to).containsExactlyInAnyOrder(OWNER_MAIL, BOARD_MAIL);
        assertThat(weekLate).filteredOn(mail -> mail.to().equals(BOARD_MAIL)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[Stocktake] Review escalation: " + businessKey);
            assertThat(mail.text()).contains("The progress update for ").contains(" is overdue");
        });
        assertThat(weekLate).filteredOn(mail -> mail.to().equals(OWNER_MAIL)).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("7 days overdue", "The oversight board has been asked to act"));
        assertThat(tasks.createTaskQuery().taskId(update.getId()).count()).isOne();
    }

    @Test
    void aCoronersResponseIsRemindedAt28And7DaysAndEscalatedAt56() throws Exception {
        String review = "PFD-MAIL-2026";
        // received on a day from which the 56th day and the days 28 and 7 before it are working days
        LocalDate received = LocalDate.now(LONDON);
        BankHolidays england = BankHolidays.ENGLAND_AND_WALES;
        while (!(workingDays.isWorkingDay(england, received.plusDays(56)) && workingDays.isWorkingDay(england, received.plusDays(28))
                && workingDays.isWorkingDay(england, received.plusDays(49)))) {
            received = received.minusDays(1);
        }
        LocalDate deadline = received.plusDays(56);
        assertThat(secretariat.post("/api/reviews", Map.of("code", review, "title", "Report to prevent future deaths",
                "kind", "PFD_REPORT", "receivedOn", received.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> registered = secretariat.post("/api/reviews/" + review + "/recommendations", Map.of("reference", "1",
                "text", "Review the barriers on the bridge.", "addressees", List.of("mail-owner"))).getBody();
        assertThat(registered).containsEntry("responseDueOn", deadline.toString());
        String businessKey = review + "/1";
        String processInstanceId = (String) owner.tasks(businessKey).get(0).get("processInstanceId");
        sender.sendDue();
        smtp.reset();

        assertThat(dayOf(fire(processInstanceId, "BoundaryEvent_ResponseReminderDue"))).isEqualTo(deadline.minusDays(28));
        assertThat(onlyMail(businessKey)).satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(OWNER_MAIL);
            assertThat(mail.subject()).isEqualTo("[Stocktake] Reminder: Response from mail-owner due: " + businessKey);
            assertThat(mail.text()).contains("Due in 28 days.");
        });
        assertThat(dayOf(fire(processInstanceId, "BoundaryEvent_ResponseReminderDue"))).isEqualTo(deadline.minusDays(7));
        assertThat(onlyMail(businessKey).text()).contains("Due in 7 days.");

        assertThat(dayOf(fire(processInstanceId, "BoundaryEvent_ResponseOverdue"))).isEqualTo(deadline);
        List<Mail> overdue = mailsAbout(businessKey);
        assertThat(overdue).extracting(Mail::to).containsExactlyInAnyOrder(OWNER_MAIL, SECRETARIAT_MAIL, BOARD_MAIL);
        assertThat(overdue).filteredOn(mail -> mail.to().equals(BOARD_MAIL)).extracting(Mail::subject)
                .containsExactly("[Stocktake] Review escalation: " + businessKey);
        assertThat(overdue).filteredOn(mail -> mail.to().equals(SECRETARIAT_MAIL)).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("severity HIGH"));
    }

    @ParameterizedTest
    @EnumSource(BankHolidays.class)
    void aCoronersReportImportedAfterItsDeadlineIsOverdueAtOnceAndNobodyIsRemindedOfIt(BankHolidays nation) throws Exception {
        String review = "PFD-LATE-" + nation.name().replace('_', '-');
        String businessKey = review + "/1";
        LocalDate received = LocalDate.now(LONDON).minusDays(60);
        String file = "review_code,review_title,number,text,review_kind,received_on,bank_holidays,addressees\n"
                + review + ",Report to prevent future deaths,1,Review the barriers on the bridge.,PFD_REPORT," + received + ","
                + nation.label() + ",mail-owner\n";
        assertThat(secretariat.postRaw("/api/imports", file, new MediaType("text", "csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String processInstanceId = (String) owner.tasks(businessKey).get(0).get("processInstanceId");
        sender.sendDue();
        assertThat(mailsAbout(businessKey)).as("no new-task mail for a task already overdue: the overdue check tells them").isEmpty();

        Date reminderDue = fire(processInstanceId, "BoundaryEvent_ResponseReminderDue");
        assertThat(mailsAbout(businessKey)).as("no reminder of a deadline passed").isEmpty();
        Date checked = fire(processInstanceId, "BoundaryEvent_ResponseOverdue");
        assertThat(Duration.between(reminderDue.toInstant(), checked.toInstant())).as("at once, not at the next weekly date")
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(mailsAbout(businessKey)).filteredOn(mail -> mail.to().equals(OWNER_MAIL)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[Stocktake] Overdue: Response from mail-owner overdue: " + businessKey);
            assertThat(mail.text()).contains("days overdue.", "Open the task in Tasklist: ");
        });
        assertThat(timer(processInstanceId, "BoundaryEvent_ResponseOverdue").getDuedate()).as("then weekly from there")
                .isEqualTo(Date.from(checked.toInstant().plus(Duration.ofDays(7))));
    }

    @Test
    void anUpdateTaskOpenedAfterItsDueDateTellsItsNamedOwnerItIsOverdueNotThatItWasAssigned() throws Exception {
        String processInstanceId = journey.toReportingWindow(REVIEW, "L1", "mail-owner", owner, "m-owner");
        String businessKey = REVIEW + "/L1";
        sender.sendDue();
        smtp.reset();
        // the nodes were stopped from before the window opened until two months on
        Job windowOpens = timer(processInstanceId, "IntermediateCatchEvent_ReportingWindowOpens");
        ClockUtil.setCurrentTime(Date.from(windowOpens.getDuedate().toInstant().plus(Duration.ofDays(60))));
        management.executeJob(windowOpens.getId());
        runContinuations(processInstanceId);
        sender.sendDue();
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getAssignee()).isEqualTo("m-owner");
        assertThat(mailsAbout(businessKey)).as("no assigned-task mail for a task already overdue").isEmpty();

        fire(processInstanceId, "BoundaryEvent_UpdateReminderDue");
        assertThat(mailsAbout(businessKey)).as("no reminder of a date passed").isEmpty();
        fire(processInstanceId, "BoundaryEvent_UpdateOverdue");
        assertThat(mailsAbout(businessKey)).filteredOn(mail -> mail.to().equals(OWNER_MAIL)).extracting(Mail::subject)
                .containsExactly("[Stocktake] Overdue: Progress update for " + quarterOf(processInstanceId) + " overdue: " + businessKey);
    }

    @Test
    void anApprovedExtensionMovesTheTargetDateInWhatFollowsAndAfterClosureNothingMoreIsSent() throws Exception {
        String processInstanceId = journey.toFirstUpdate(REVIEW, "X1", "mail-owner", owner);
        String businessKey = REVIEW + "/X1";
        String newTarget = LocalDate.now().plusYears(2).toString();
        submit(owner, businessKey, Map.of("rag", "AMBER", "publicUpdate", "Procurement is late.", "proposal", "REQUEST_EXTENSION",
                "proposedTargetDate", newTarget), processInstanceId);
        sender.sendDue();
        assertThat(mailsAbout(businessKey)).filteredOn(mail -> mail.to().equals(BOARD_MAIL)).extracting(Mail::subject)
                .contains("[Stocktake] Decide extension: " + businessKey);
        smtp.reset();

        submit(board, businessKey, Map.of("boardDecision", "APPROVE", "boardComment", "Agreed once."), processInstanceId);
        String target = UkDates.DAY.format(LocalDate.parse(newTarget));
        assertThat(onlyMail(businessKey)).satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(OWNER_MAIL);
            assertThat(mail.subject()).isEqualTo("[Stocktake] Decision: Extension approved: " + businessKey);
            assertThat(mail.text()).contains("Target date for the recommendation: " + target);
        });
        // what follows carries the new target date: the next quarter's task and its reminder
        fire(processInstanceId, "IntermediateCatchEvent_ReportingWindowOpens");
        assertThat(onlyMail(businessKey).text()).contains("Submit progress update", "Target date for the recommendation: " + target);
        fire(processInstanceId, "BoundaryEvent_UpdateReminderDue");
        assertThat(onlyMail(businessKey).text()).contains("Due in 7 days.", "Target date for the recommendation: " + target);

        // the owner proposes a transfer; the board signs it off and the recommendation closes
        submit(owner, businessKey, Map.of("rag", "GREEN", "publicUpdate", "Passed to the new agency.", "proposal", "PROPOSE_TRANSFER"),
                processInstanceId);
        submit(board, businessKey, Map.of("boardDecision", "APPROVE", "boardComment", "Transferred."), processInstanceId);
        sender.sendDue();
        assertThat(admin.get("/engine-rest/history/process-instance/" + processInstanceId).getBody()).containsEntry("state", "COMPLETED");
        assertThat(management.createJobQuery().processInstanceId(processInstanceId).count()).isZero();
        long written = outbox.findByRecommendation(recommendationId(businessKey)).size();
        smtp.reset();

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(800, ChronoUnit.DAYS)));
        management.createJobQuery().duedateLowerThan(ClockUtil.getCurrentTime()).list()
                .forEach(job -> management.executeJob(job.getId()));
        sender.sendDue();
        assertThat(mailsAbout(businessKey)).isEmpty();
        assertThat(outbox.findByRecommendation(recommendationId(businessKey))).hasSize((int) written);
    }

    @Test
    void aBurstLargerThanOneBatchGoesOutInOneRound() {
        long recommendationId = atFirstUpdateWithNothingInTheInbox("B1");
        int burst = OutboxSender.BATCH * 2 + 7;
        for (int i = 1; i <= burst; i++) {
            notifications.toUser(new Notice(NoticeKind.DECISION, recommendationId, "Decision " + i, null, null, null), "m-owner");
        }

        assertThat(sender.sendDue()).isEqualTo(burst);
        assertThat(smtp.getReceivedMessages()).hasSize(burst);
        assertThat(outbox.countUnsent()).isZero();
    }

    @Test
    void aSenderStoppedBetweenAcceptanceAndMarkingSentDeliversAgainWithTheSameMessageId() throws Exception {
        long recommendationId = atFirstUpdateWithNothingInTheInbox("C1");
        notifications.toUser(new Notice(NoticeKind.DECISION, recommendationId, "Owner confirmed", null, null, null), "m-owner");
        assertThat(outbox.countUnsent()).isOne();

        OutboxSender stopping = new OutboxSender(outbox, provider(new StopsAfterTheServerAccepts()), settings, Clock.systemUTC());
        try {
            stopping.sendDue();
        } catch (StopsAfterTheServerAccepts.Stopped stopped) {
            // the node went down here: the server has the mail, the outbox row is not marked sent
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outbox.countUnsent()).isOne();
        // another node does not take the message while the stopped one's lease lasts
        assertThat(sender.sendDue()).isZero();

        Clock afterTheLease = Clock.offset(Clock.systemUTC(), OutboxSender.LEASE.plusMinutes(1));
        OutboxSender restarted = new OutboxSender(outbox, provider(mailSender), settings, afterTheLease);
        assertThat(restarted.sendDue()).isOne();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID()).isEqualTo(latest(recommendationId).messageId());
        assertThat(outbox.countUnsent()).isZero();
    }

    @Test
    void anUnreachableServerIsTriedAgainLaterTheWaitDoublingUntilItAccepts() {
        long recommendationId = atFirstUpdateWithNothingInTheInbox("R1");
        notifications.toUser(new Notice(NoticeKind.DECISION, recommendationId, "Owner confirmed", null, null, null), "m-owner");
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("localhost");
        unreachable.setPort(1);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        for (int attempt = 1; attempt <= 3; attempt++) {
            Clock now = Clock.fixed(start.plus(Duration.ofHours(attempt)), ZoneOffset.UTC);
            assertThat(new OutboxSender(outbox, provider(unreachable), settings, now).sendDue()).isZero();
            OutboxMessage waiting = latest(recommendationId);
            assertThat(waiting.attempts()).isEqualTo(attempt);
            assertThat(waiting.lastError()).contains("Mail server connection failed");
            // 1, 2, then 4 minutes
            assertThat(Duration.between(now.instant(), waiting.nextAttemptAt().toInstant()))
                    .isEqualTo(Duration.ofMinutes(1L << (attempt - 1)));
        }
        assertThat(new OutboxSender(outbox, provider(mailSender), settings, Clock.fixed(start.plus(Duration.ofHours(3)), ZoneOffset.UTC))
                .sendDue()).as("not before the wait is over").isZero();
        assertThat(new OutboxSender(outbox, provider(mailSender), settings, Clock.fixed(start.plus(Duration.ofHours(4)), ZoneOffset.UTC))
                .sendDue()).isOne();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(latest(recommendationId).sentAt()).isNotNull();
        assertThat(settings.retryAfter(10)).as("at most").isEqualTo(Duration.ofHours(1));
    }

    private OutboxMessage latest(long recommendationId) {
        List<OutboxMessage> written = outbox.findByRecommendation(recommendationId);
        return written.get(written.size() - 1);
    }

    /** Sets the engine's clock to the timer's due date, executes it and what follows; returns the due date. */
    @Test
    void aResponseLinkArrivesByMailToAnOrganisationWithoutAccountsAndItsBodyIsNotKeptOnceSent() throws Exception {
        new People(admin).organisation("mail-bvrla", "Mail rental association");
        String businessKey = REVIEW + "/LINK1";
        assertThat(secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", "LINK1", "text",
                "Recommendation LINK1.", "addressees", List.of("mail-bvrla"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = secretariat.getList("/api/recommendations?review=" + REVIEW).stream()
                .filter(recommendation -> businessKey.equals(recommendation.get("businessKey"))).findFirst().orElseThrow().get("id");
        sender.sendDue();
        smtp.reset();

        Map<String, Object> link = secretariat.post("/api/recommendations/" + id + "/response-links",
                Map.of("addressee", "mail-bvrla", "email", "responses@bvrla.example")).getBody();
        sender.sendDue();

        Mail mail = onlyMail(businessKey);
        assertThat(mail.to()).isEqualTo("responses@bvrla.example");
        assertThat(mail.subject()).isEqualTo("[Stocktake] Your answer is asked for: Respond to the recommendation for Mail rental association: "
                + businessKey);
        assertThat(mail.text()).contains("Recommendation LINK1.", "It works once, until ", "Respond to the recommendation: " + link.get("url"));
        assertThat(mail.html()).contains("<a href=\"" + link.get("url") + "\">Respond to the recommendation</a>");
        assertThat(jdbc.sql("select text_body, html_body from outbox_message where recipient = ?").param("responses@bvrla.example")
                .query((row, n) -> row.getString(1) + row.getString(2)).single())
                .as("the outbox keeps no copy of the link once sent").doesNotContain((String) link.get("url"))
                .contains(OutboxRepository.SENT_LINK_BLANKED);
    }

    private Date fire(String processInstanceId, String activityId) {
        Job timer = timer(processInstanceId, activityId);
        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
        runContinuations(processInstanceId);
        sender.sendDue();
        return timer.getDuedate();
    }

    private Job timer(String processInstanceId, String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().singleResult();
    }

    private void runContinuations(String processInstanceId) {
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().list()).isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private void submit(HttpActor actor, String businessKey, Map<String, ?> fields, String processInstanceId) {
        List<Map<String, Object>> open = actor.tasks(businessKey);
        assertThat(open).hasSize(1);
        assertThat(actor.submitForm((String) open.get(0).get("id"), fields).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runContinuations(processInstanceId);
        sender.sendDue();
    }

    /** A recommendation taken to its owner's first update, with the mail that took sent and forgotten. */
    private long atFirstUpdateWithNothingInTheInbox(String reference) {
        journey.toFirstUpdate(REVIEW, reference, "mail-owner", owner);
        sender.sendDue();
        smtp.reset();
        return recommendationId(REVIEW + "/" + reference);
    }

    private long recommendationId(String businessKey) {
        String[] parts = businessKey.split("/");
        return recommendations.listByReview(parts[0]).stream().filter(r -> r.reference().equals(parts[1])).findFirst()
                .orElseThrow().id();
    }

    private String quarterOf(String processInstanceId) {
        return (String) runtime.getVariable(processInstanceId, ProcessVariables.REPORTING_QUARTER);
    }

    private static LocalDate dayOf(Date date) {
        return date.toInstant().atZone(LONDON).toLocalDate();
    }

    private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> provider(JavaMailSender mailSender) {
        return new StaticListableBeanFactory(Map.of("mailSender", mailSender)).getBeanProvider(JavaMailSender.class);
    }

    record Mail(String to, String subject, String text, String html, String messageId) {
    }

    private Mail onlyMail(String businessKey) throws Exception {
        List<Mail> mails = mailsAbout(businessKey);
        assertThat(mails).hasSize(1);
        smtp.reset();
        return mails.get(0);
    }

    private List<Mail> mailsAbout(String businessKey) throws MessagingException, IOException {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().endsWith(": " + businessKey)) {
                mails.add(new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), part(message, "text/plain"),
                        part(message, "text/html"), message.getMessageID()));
            }
        }
        return mails;
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sender whose node stops right after the SMTP server has accepted the mail. */
    static class StopsAfterTheServerAccepts extends JavaMailSenderImpl {

        StopsAfterTheServerAccepts() {
            setHost("localhost");
            setPort(SMTP.getPort());
        }

        @Override
        public void send(MimeMessage message) {
            super.send(message);
            throw new Stopped();
        }

        static class Stopped extends RuntimeException {
        }
    }
}
