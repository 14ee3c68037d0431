package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.Journey;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/**
 * What operators read: health open to anyone (UP or DOWN only; its parts to administrators), the
 * readiness that names the database and Stocktake's migrations, the running version, and the
 * Prometheus metrics, which only administrators read and which move with what happens.
 */
@StocktakeSpringTest
class OperationsEndpointsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsOpenAndSaysNoMoreThanUpToAnyoneButAnAdministrator() {
        HttpActor anyone = HttpActor.anonymous(http);
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("ops-org", "Operations organisation").user("ops-lead", "ops-org");

        assertThat(anyone.get("/actuator/health").getBody()).containsEntry("status", "UP").doesNotContainKey("components");
        assertThat(anyone.get("/actuator/health/liveness").getBody()).containsEntry("status", "UP");
        assertThat(anyone.get("/actuator/health/readiness").getBody()).isEqualTo(Map.of("status", "UP"));
        assertThat(HttpActor.as(http, "ops-lead", People.PASSWORD).get("/actuator/health").getBody()).doesNotContainKey("components");
        assertThat(admin.exchange(HttpMethod.GET, "/actuator/health/readiness", null, null).getBody())
                .contains("\"db\":{\"status\":\"UP\"", "\"migrations\":{\"status\":\"UP\"", "\"pending\":0");
        assertThat(admin.exchange(HttpMethod.GET, "/actuator/info", null, null).getBody()).contains("\"artifact\":\"stocktake\"", "\"version\"");
    }

    @Test
    void theMetricsAreForAdministratorsAndMoveWithWhatHappens() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("ops-org", "Operations organisation").user("ops-lead", "ops-org").user("ops-sec", "secretariat")
                .group("monitoring", "Monitoring", "role").user("ops-prometheus", "monitoring");
        HttpActor lead = HttpActor.as(http, "ops-lead", People.PASSWORD);
        HttpActor scraper = HttpActor.as(http, "ops-prometheus", People.PASSWORD);
        assertThat(scraper.exchange(HttpMethod.GET, "/actuator/prometheus", null, null).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(HttpActor.anonymous(http).exchange(HttpMethod.GET, "/actuator/prometheus", null, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(lead.exchange(HttpMethod.GET, "/actuator/prometheus", null, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(lead.exchange(HttpMethod.GET, "/actuator/info", null, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        double responsesBefore = metric(admin, "stocktake_tasks_open{task_key=\"Task_RecordResponse\"}");
        double failuresBefore = metric(admin, "stocktake_sign_in_failures_total{reason=\"wrong_password\"}");
        String review = Unique.reviewCode("OPS");
        new Journey(HttpActor.as(http, "ops-sec", People.PASSWORD), admin).review(review, "REVIEW");
        HttpActor.as(http, "ops-sec", People.PASSWORD).post("/api/reviews/" + review + "/recommendations",
                Map.of("reference", "1", "text", "Recommendation 1.", "addressees", List.of("ops-org")));
        assertThat(HttpActor.as(http, "ops-lead", "not the password").exchange(HttpMethod.GET, "/api/reviews", null, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(metric(admin, "stocktake_tasks_open{task_key=\"Task_RecordResponse\"}")).isEqualTo(responsesBefore + 1);
        assertThat(scraper.getList("/api/recommendations?review=" + review)).as("the scraper's user sees no recommendation").isEmpty();
        assertThat(metric(admin, "stocktake_sign_in_failures_total{reason=\"wrong_password\"}")).isEqualTo(failuresBefore + 1);
        String all = admin.exchange(HttpMethod.GET, "/actuator/prometheus", null, null).getBody();
        assertThat(all).contains("stocktake_jobs_due ", "stocktake_jobs_failed ", "stocktake_outbox_waiting ", "stocktake_outbox_failing ",
                "stocktake_responses_overdue ", "stocktake_updates_overdue ", "stocktake_imports_running ");
    }

    /** The Grafana dashboard in docker/ charts only metrics Stocktake serves. */
    @Test
    void theDashboardInDockerChartsOnlyMetricsThatExist() throws IOException {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        String served = admin.exchange(HttpMethod.GET, "/actuator/prometheus", null, null).getBody();
        Matcher named = Pattern.compile("stocktake_[a-z_]+").matcher(Files.readString(Path.of("docker", "grafana-dashboard.json")));
        List<String> charted = named.results().map(MatchResult::group).distinct().toList();
        assertThat(charted).hasSizeGreaterThanOrEqualTo(9).allSatisfy(metric -> assertThat(served).contains("\n" + metric));
    }

    private static double metric(HttpActor admin, String series) {
        ResponseEntity<String> scrape = admin.exchange(HttpMethod.GET, "/actuator/prometheus", null, null);
        return scrape.getBody().lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " is not among the metrics"));
    }
}
