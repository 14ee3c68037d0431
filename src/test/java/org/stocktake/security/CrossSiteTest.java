package org.stocktake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.support.HttpActor;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.WebappSession;

/**
 * What a browser can be made to do with the HTTP Basic APIs. A page on another site posting to
 * {@code /api} or {@code /engine-rest} with a password the browser remembers is refused; a browser
 * is never asked for a password (so it never keeps one); the import takes no {@code text/plain},
 * which a plain cross-site form could send. Cockpit's and Admin's own APIs answer administrators only.
 */
@StocktakeSpringTest
class CrossSiteTest {

    static final String IMPORT = "review_code,review_title,number,text\nCROSS-SITE-2026,Cross-site,1,Planted.\n";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aRequestAnotherSiteMadeTheBrowserSendIsRefusedAndNothingIsWritten() {
        new People(admin()).user("cross-site-sec", "secretariat");

        assertThat(post("/api/imports", Map.of("Sec-Fetch-Site", "cross-site")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/imports", Map.of(HttpHeaders.ORIGIN, "https://attacker.example")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/engine-rest/filter/create", Map.of("Sec-Fetch-Site", "same-site")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from review where code = 'CROSS-SITE-2026'").query(Long.class).single()).isZero();

        // the same from this site's own pages, and from a script, which says no site at all
        assertThat(post("/api/imports?dryRun=true", Map.of("Sec-Fetch-Site", "same-origin", HttpHeaders.ORIGIN, "http://localhost:" + port))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/imports?dryRun=true", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBrowserIsNeverChallengedForAPasswordWhileAScriptIs() {
        for (String path : new String[] {"/api/reviews", "/engine-rest/task"}) {
            ResponseEntity<String> browser = get(path, Map.of("Sec-Fetch-Mode", "navigate", HttpHeaders.ACCEPT, "text/html"));
            ResponseEntity<String> script = get(path, Map.of());

            assertThat(browser.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(browser.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as(path).isNull();
            assertThat(script.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(script.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
        }
    }

    @Test
    void theImportTakesCsvAndMultipartOnly() {
        new People(admin()).user("cross-site-sec", "secretariat");
        HttpActor secretariat = HttpActor.as(http, "cross-site-sec", People.PASSWORD);

        assertThat(secretariat.postRaw("/api/imports?dryRun=true", IMPORT, MediaType.TEXT_PLAIN).getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(secretariat.postRaw("/api/imports?dryRun=true", IMPORT, MediaType.APPLICATION_OCTET_STREAM).getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(secretariat.upload("/api/imports?dryRun=true", "file.csv", IMPORT.getBytes()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void cockpitsAndAdminsOwnCallsAnswerAdministratorsOnly() {
        new People(admin()).organisation("cross-site-org", "Cross-site organisation").user("cross-site-lead", "cross-site-org");
        String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";

        ResponseEntity<String> lead = WebappSession.signIn(http, "cross-site-lead", People.PASSWORD).exchange(HttpMethod.GET, statistics,
                null, null);
        ResponseEntity<String> administrator = WebappSession.signIn(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD)
                .exchange(HttpMethod.GET, statistics, null, null);

        assertThat(lead.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(administrator.getStatusCode()).as(administrator.getBody()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> post(String path, Map<String, String> browserHeaders) {
        HttpHeaders headers = new HttpHeaders();
        browserHeaders.forEach(headers::add);
        headers.setBasicAuth("cross-site-sec", People.PASSWORD);
        headers.setContentType(path.startsWith("/api/imports") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON);
        Object body = path.startsWith("/api/imports") ? IMPORT : Map.of("resourceType", "Task", "name", "Planted", "query", Map.of());
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> get(String path, Map<String, String> browserHeaders) {
        HttpHeaders headers = new HttpHeaders();
        browserHeaders.forEach(headers::add);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private HttpActor admin() {
        return HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
    }
}
