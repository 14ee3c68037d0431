package org.stocktake.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.imports.ImportOptions;
import org.stocktake.imports.ImportProgress;
import org.stocktake.imports.RegisterImport;
import org.stocktake.security.Roles;

/**
 * Ten years of a national register on PostgreSQL, and how fast the pages people read answer on
 * it. A hundred recommendations a review, the reviews received evenly over ten years; one in four
 * of the last two years' recommendations still open. The open ones come in through the real
 * import, so that their processes, tasks and listeners are the application's own; the closed
 * ones, and every recommendation's history (its response, its owner's assignment, up to 40
 * quarterly updates, escalations and the board's decisions), are written with set-based SQL,
 * because only their volume matters to the reads. Each read is then asked for over HTTP as the
 * board (who sees everything) and as an organisation's lead, alternately.
 */
final class TenYearRegister {

    static final String REVIEW_PREFIX = "TEN-";
    static final int PER_REVIEW = 100;
    static final int ORGANISATIONS = 50;
    static final int MOST_UPDATES = 40;
    static final String BOARD_MEMBER = "ten-board";
    static final String LEAD = "ten-lead";
    static final int WARM_UP = 2;
    private static final Pattern CSRF = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]+)\"");

    /** One page or API read: its percentiles over {@code requests} and the SQL statements one took. */
    record Read(String name, String what, int requests, double p50Ms, double p95Ms, double statementsPerRequest) {
    }

    private final BenchmarkedApp app;
    private final JdbcClient jdbc;
    private final int reviews;
    private final int requests;
    /** Each reader's client, holding the session its sign-in began (the pages under /reports ask for one). */
    private final Map<String, HttpClient> clients = new HashMap<>();

    private TenYearRegister(BenchmarkedApp app, int recommendations, int requests) {
        this.app = app;
        this.jdbc = app.bean(JdbcClient.class);
        this.reviews = recommendations / PER_REVIEW;
        this.requests = requests;
    }

    /**
     * This scenario alone, on a PostgreSQL of its own, for working on the reads: arguments the count
     * of recommendations and of requests per read (100000 and 20 in a full run), and {@code stay}
     * to keep the app and its database running afterwards, its address printed, until stopped.
     */
    public static void main(String[] args) throws InterruptedException {
        int recommendations = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (EmbeddedPostgres postgres = Benchmark.postgresCommittingAsInProduction();
             BenchmarkedApp app = BenchmarkedApp.on("PostgreSQL", Benchmark.postgres(postgres, "postgres"))) {
            measure(app, recommendations, requests);
            if (args.length > 2 && args[2].equals("stay")) {
                System.out.println("staying at http://localhost:" + app.port() + ", database " + postgres.getJdbcUrl("postgres", "postgres"));
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.exit(0);
    }

    /** Builds the register of {@code recommendations} on the app's (empty, PostgreSQL) database and times each read. */
    static List<Read> measure(BenchmarkedApp app, int recommendations, int requests) {
        TenYearRegister register = new TenYearRegister(app, recommendations, requests);
        register.build();
        return register.reads();
    }

    private static String organisation(int n) {
        return "ten-org-%02d".formatted(n);
    }

    private static String review(int n) {
        return REVIEW_PREFIX + "%04d".formatted(n);
    }

    private void build() {
        long start = System.nanoTime();
        app.organisation(organisation(1), LEAD);
        IntStream.rangeClosed(2, ORGANISATIONS).forEach(n -> app.organisation(organisation(n)));
        IdentityService identity = app.bean(IdentityService.class);
        var board = identity.newUser(BOARD_MEMBER);
        board.setPassword(BenchmarkedApp.MEMBER_PASSWORD);
        identity.saveUser(board);
        identity.createMembership(BOARD_MEMBER, Roles.OVERSIGHT_BOARD);
        importOpenRecommendations();
        writeHistory();
        jdbc.sql("analyze").update();
        System.out.printf(Locale.ROOT, "ten-year register: %d recommendations, %d progress updates, %d open tasks, built in %.0f s%n",
                count("recommendation"), count("progress_update"), app.bean(TaskService.class).createTaskQuery().count(),
                (System.nanoTime() - start) / 1e9);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /**
     * The last two years' reviews (a fifth of them) with one recommendation in four still in
     * progress, through the import as a legacy register would come in: each a running process
     * waiting for its owner's next update.
     */
    private void importOpenRecommendations() {
        LocalDate today = LocalDate.now();
        String rows = IntStream.rangeClosed(reviews - reviews / 5 + 1, reviews).boxed().flatMap(r -> IntStream.rangeClosed(1, PER_REVIEW)
                .filter(n -> n % 4 == 0).mapToObj(n -> {
                    String owner = organisation(1 + (r + n) % ORGANISATIONS);
                    return String.join(",", review(r), "Ten-year review " + r, "REVIEW", receivedOn(r, today).toString(),
                            Integer.toString(n), text(n, r), owner, owner, "IN_PROGRESS", "Work began on recommendation " + n + ".");
                })).collect(Collectors.joining("\n"));
        byte[] file = ("review_code,review_title,review_kind,received_on,number,text,addressees,owner,status,update\n" + rows + "\n")
                .getBytes(StandardCharsets.UTF_8);
        app.bean(RegisterImport.class).run("ten-year.csv", file, new ImportOptions(false, false), BenchmarkedApp.ADMIN, ImportProgress.NONE);
    }

    private LocalDate receivedOn(int review, LocalDate today) {
        return today.minusDays(3650 - (long) review * 3650 / reviews);
    }

    private static String text(int number, int review) {
        return "Recommendation " + number + " of review " + review + ": partners should agree how they share what they learn";
    }

    /**
     * The rest of the register and everyone's history, set-based. Lifecycle moments per
     * recommendation: registered when its review was received, answered 5 to 54 days later,
     * assigned a week after that, then an update a quarter (up to 40, none in the future), and
     * for a closed one the board's sign-off a month after the last.
     */
    private void writeHistory() {
        jdbc.sql("""
                insert into review (code, title, kind, received_on, response_due_on, created_at)
                select 'TEN-' || lpad(g::text, 4, '0'), 'Ten-year review ' || g, 'REVIEW',
                       current_date - 3650 + g * 3650 / :reviews, current_date - 3650 + g * 3650 / :reviews + 56, now()
                from generate_series(1, :reviews) g
                where not exists (select 1 from review v where v.code = 'TEN-' || lpad(g::text, 4, '0'))""")
                .param("reviews", reviews).update();
        jdbc.sql("""
                insert into recommendation (review_id, reference, text, status, owner_group, target_date, original_target_date,
                                            response_due_on, created_at, updated_at)
                select v.id, n::text, 'Recommendation ' || n || ' of review ' || substr(v.code, 5)::int
                                      || ': partners should agree how they share what they learn',
                       case when n % 10 = 9 then 'NOT_ACCEPTED' when n % 10 = 8 then 'RESOLVED_BY_OTHER_MEANS' else 'RESOLVED' end,
                       case when n % 10 = 9 then null else 'ten-org-' || lpad(((substr(v.code, 5)::int + n) % 50 + 1)::text, 2, '0') end,
                       v.received_on + 730, v.received_on + 730, v.response_due_on, v.received_on, v.received_on
                from review v cross join generate_series(1, 100) n
                where v.code like 'TEN-%' and not exists (select 1 from recommendation r where r.review_id = v.id and r.reference = n::text)
                order by v.id, n""").update();
        jdbc.sql("""
                update recommendation r set created_at = v.received_on, target_date = v.received_on + 730, original_target_date = v.received_on + 730
                from review v where v.id = r.review_id and v.code like 'TEN-%' and r.import_id is not null""").update();
        jdbc.sql("""
                insert into recommendation_addressee (recommendation_id, organisation, ordinal)
                select r.id, 'ten-org-' || lpad(((substr(v.code, 5)::int + r.reference::int) % 50 + 1)::text, 2, '0'), 0
                from recommendation r join review v on v.id = r.review_id
                where v.code like 'TEN-%' and not exists (select 1 from recommendation_addressee a where a.recommendation_id = r.id)""").update();
        jdbc.sql("create temporary table ten_year (id bigint primary key, open boolean, owner varchar(64), addressee varchar(64), "
                + "registered timestamptz, responded timestamptz, assigned timestamptz, updates int, closed timestamptz)").update();
        jdbc.sql("""
                insert into ten_year (id, open, owner, addressee, registered, responded, assigned)
                select r.id, r.status = 'IN_PROGRESS', r.owner_group, a.organisation, r.created_at,
                       r.created_at + ((r.id % 50) + 5) * interval '1 day', r.created_at + ((r.id % 50) + 12) * interval '1 day'
                from recommendation r join review v on v.id = r.review_id
                join recommendation_addressee a on a.recommendation_id = r.id and a.ordinal = 0
                where v.code like 'TEN-%'""").update();
        // whole quarters between the assignment and today, keeping a closed one's sign-off in the past
        jdbc.sql("""
                update ten_year set updates = case when owner is null then 0 else greatest(0, least(1 + id % :most,
                    floor(extract(epoch from now() - assigned) / 86400 / 91)::int - case when open then 0 else 1 end)) end""")
                .param("most", MOST_UPDATES).update();
        jdbc.sql("update ten_year set closed = assigned + (updates * 91 + 30) * interval '1 day' where not open").update();
        jdbc.sql("""
                insert into addressee_response (recommendation_id, response_round, addressee, decision, response_text, due_on,
                                                responded_by, responded_at)
                select t.id, 1, t.addressee, case when t.owner is null then 'NOT_ACCEPTED' else 'ACCEPTED' end,
                       'We will act on this recommendation with our partners.', r.response_due_on, :lead, t.responded
                from ten_year t join recommendation r on r.id = t.id order by t.id""").param("lead", LEAD).update();
        jdbc.sql("""
                insert into decision (recommendation_id, kind, outcome, changes, decided_by, decided_at)
                select id, 'OWNER_ASSIGNMENT', 'IN_PROGRESS', '[]', 'ten-secretariat', assigned from ten_year where owner is not null order by id""")
                .update();
        jdbc.sql("""
                insert into progress_update (recommendation_id, quarter, rag, public_update, restricted_note, proposal, submitted_by, submitted_at)
                select t.id, to_char(t.assigned + q * 91 * interval '1 day', 'YYYY-"Q"Q'), u.rag,
                       'Quarter ' || q || ': the partners met, agreed the next steps and report them to the board.',
                       case when u.rag = 'RED' then 'Funding for the next phase is not yet agreed.' end,
                       case when q < t.updates or t.open then 'CONTINUE' when r.status = 'RESOLVED' then 'PROPOSE_RESOLVED'
                            else 'PROPOSE_RESOLVED_OTHER_MEANS' end,
                       :lead, t.assigned + q * 91 * interval '1 day'
                from ten_year t join recommendation r on r.id = t.id cross join generate_series(1, :most) q
                cross join lateral (select case when t.open and q = t.updates and t.id % 10 = 0 then 'RED'
                                                when (t.id + q) % 13 = 0 then 'RED' when (t.id + q) % 5 = 0 then 'AMBER'
                                                else 'GREEN' end as rag) u
                where q <= t.updates order by t.id, q""").params(Map.of("lead", LEAD, "most", MOST_UPDATES)).update();
        jdbc.sql("""
                insert into escalation (recommendation_id, reason, subject, raised_at, reviewed_at, severity)
                select id, 'UPDATE_OVERDUE', owner, assigned + 100 * interval '1 day', assigned + 110 * interval '1 day', 'MEDIUM'
                from ten_year where id % 7 = 0 and updates >= 2 order by id""").update();
        jdbc.sql("""
                insert into decision (recommendation_id, kind, outcome, comment, escalation_id, changes, decided_by, decided_at)
                select e.recommendation_id, 'ESCALATION_REVIEW', 'NOTE', 'Noted; the owner has since reported.', e.id, '[]', :board, e.reviewed_at
                from escalation e join ten_year t on t.id = e.recommendation_id order by e.id""").param("board", BOARD_MEMBER).update();
        jdbc.sql("""
                insert into decision (recommendation_id, kind, outcome, comment, changes, decided_by, decided_at)
                select t.id, 'CLOSURE_SIGN_OFF', 'APPROVE', 'Evidence seen; closed.', '[]', :board, t.closed
                from ten_year t where not t.open order by t.id""").param("board", BOARD_MEMBER).update();
        jdbc.sql("""
                insert into step_time (recommendation_id, step, started_at, finished_at, seconds)
                select t.id, t.step, t.started_at, t.finished_at, extract(epoch from t.finished_at - t.started_at)
                from (select id, 'RESPONSE' as step, registered as started_at, responded as finished_at from ten_year
                      union all select id, 'ASSIGNMENT', responded, assigned from ten_year where owner is not null
                      union all select id, 'SIGN_OFF', registered, closed from ten_year where not open) t""").update();
        jdbc.sql("""
                update recommendation r set latest_update_id = l.id, latest_rag = l.rag,
                       latest_update_at = case when l.imported then null else l.submitted_at end
                from (select distinct on (recommendation_id) id, recommendation_id, rag, imported, submitted_at
                      from progress_update order by recommendation_id, id desc) l
                where l.recommendation_id = r.id""").update();
        jdbc.sql("update recommendation r set updated_at = coalesce(t.closed, t.assigned) from ten_year t where t.id = r.id").update();
        // one open update in ten is past its due date, as the board pack lists them
        jdbc.sql("""
                update act_ru_task set due_date_ = now() - interval '20 days'
                where task_def_key_ = 'Task_SubmitProgressUpdate' and abs(hashtext(id_)) % 10 = 0""").update();
        jdbc.sql("drop table ten_year").update();
    }

    private List<Read> reads() {
        List<String> recentReviews = IntStream.range(0, requests).mapToObj(i -> review(reviews - i % Math.min(reviews, 20))).toList();
        List<Long> longest = jdbc.sql("""
                select u.recommendation_id from progress_update u join recommendation r on r.id = u.recommendation_id
                where r.owner_group = :organisation
                group by u.recommendation_id order by count(*) desc, u.recommendation_id limit :requests""")
                .params(Map.of("organisation", organisation(1), "requests", requests)).query(Long.class).list();
        List<Read> reads = new ArrayList<>();
        reads.add(read("publicSummary", "a review's public summary (JSON)", i -> "/api/reviews/" + recentReviews.get(i) + "/public-summary",
                "application/json"));
        reads.add(read("dashboard", "the dashboard (JSON)", i -> "/api/dashboard", "application/json"));
        reads.add(read("boardPack", "the board pack for the quarter under way (JSON)", i -> "/api/board-pack", "application/json"));
        reads.add(read("timeline", "a recommendation's timeline, among the lead's with the most updates (JSON)",
                i -> "/api/recommendations/" + longest.get(i % longest.size()) + "/timeline", "application/json"));
        reads.add(read("register", "the register's first page (HTML)", i -> "/reports/register", "text/html"));
        reads.add(read("apiList", "a review's recommendations (API list, JSON)", i -> "/api/recommendations?review=" + recentReviews.get(i),
                "application/json"));
        return reads;
    }

    /** Asks for {@code path} {@code requests} times, the board and the lead in turn, after a warm-up. */
    private Read read(String name, String what, IntFunction<String> path, String accept) {
        IntStream.range(0, WARM_UP).forEach(i -> ask(path.apply(i), accept, i % 2 == 0 ? BOARD_MEMBER : LEAD));
        StatementCounter.Counts before = app.counter.counts();
        List<Double> millis = IntStream.range(0, requests).mapToObj(i -> {
            long start = System.nanoTime();
            ask(path.apply(i), accept, i % 2 == 0 ? BOARD_MEMBER : LEAD);
            return (System.nanoTime() - start) / 1e6;
        }).sorted().toList();
        StatementCounter.Counts used = app.counter.counts().since(before);
        Read read = new Read(name, what, requests, percentile(millis, 50), percentile(millis, 95), (double) used.statements() / requests);
        System.out.printf(Locale.ROOT, "ten-year %s: p50 %.0f ms, p95 %.0f ms, %.0f statements a request%n", name, read.p50Ms(), read.p95Ms(),
                read.statementsPerRequest());
        return read;
    }

    private void ask(String path, String accept, String user) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + BenchmarkedApp.MEMBER_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<Void> answer = send(clients.computeIfAbsent(user, this::signedIn), request, HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + " to " + user);
        }
    }

    /** A client signed in through the sign-in page, as a person's browser is. */
    private HttpClient signedIn(String user) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = send(client, HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        String form = "username=" + user + "&password=" + URLEncoder.encode(BenchmarkedApp.MEMBER_PASSWORD, StandardCharsets.UTF_8)
                + "&" + csrf.group(1) + "=" + URLEncoder.encode(csrf.group(2), StandardCharsets.UTF_8);
        HttpResponse<Void> signIn = send(client, HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(user + " could not sign in: " + signIn.statusCode() + " " + signIn.headers().map());
        }
        return client;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    private static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
