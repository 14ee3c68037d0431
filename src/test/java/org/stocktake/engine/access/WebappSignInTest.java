package org.stocktake.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.WebappSession;

/**
 * One sign-in, one session: signing in on Stocktake's page opens Tasklist as that person, the
 * webapps' own sign-in no longer takes a password, and Tasklist's sign-out ends the session for
 * the reports too.
 */
@StocktakeSpringTest
class WebappSignInTest {

    static final String CAMUNDA_LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

    @Autowired
    TestRestTemplate http;

    @Test
    void signingInOnStocktakesPageOpensTasklistAsThatPersonAndItsSignOutEndsEverything() {
        new People(HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD))
                .organisation("sso-org", "Single sign-on organisation").user("sso-lead", "sso-org");
        PageSession pages = PageSession.signIn(http, "sso-lead", People.PASSWORD);
        WebappSession tasklist = WebappSession.openedFrom(http, pages);

        ResponseEntity<String> who = tasklist.exchange(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, null);
        assertThat(who.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(who.getBody()).contains("\"userId\":\"sso-lead\"", "tasklist");
        assertThat(tasklist.engine(HttpMethod.GET, "/task/count", null, null).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(tasklist.exchange(HttpMethod.POST, "/camunda/api/admin/auth/user/default/logout", null, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(pages.get("/reports/register").getHeaders().getLocation().toString()).endsWith("/login");
        assertThat(tasklist.engine(HttpMethod.GET, "/task/count", null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** Stocktake's Tasklist settings and styles take the place of Camunda's defaults. */
    @Test
    void tasklistIsServedWithStocktakesSettings() {
        new People(HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD)).user("sso-sec", "secretariat");
        WebappSession tasklist = WebappSession.signIn(http, "sso-sec", People.PASSWORD);

        assertThat(tasklist.exchange(HttpMethod.GET, "/camunda/app/tasklist/scripts/config.js", null, null).getBody())
                .contains("customScripts: ['scripts/stocktake']", "normal: 'D MMMM YYYY, HH:mm'");
        assertThat(tasklist.exchange(HttpMethod.GET, "/camunda/app/tasklist/scripts/stocktake.js", null, null).getBody())
                .contains("'en-GB'", "/login?logout");
        assertThat(tasklist.exchange(HttpMethod.GET, "/camunda/app/tasklist/styles/user-styles.css", null, null).getBody())
                .contains("li.create-task-action", "li.start-process-action");
    }

    /** Nobody checks a password there, signed in or not: it would be a second place to guess, and a session of its own. */
    @Test
    void theWebappsOwnSignInTakesNoPassword() {
        String credentials = "username=" + StocktakeSpringTest.ADMIN + "&password=" + StocktakeSpringTest.ADMIN_PASSWORD;
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> anonymous = http.exchange(CAMUNDA_LOGIN, HttpMethod.POST, new HttpEntity<>(credentials, form), String.class);
        new People(HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD)).user("sso-guesser", "observer");
        ResponseEntity<String> signedIn = WebappSession.signIn(http, "sso-guesser", People.PASSWORD)
                .exchange(HttpMethod.POST, CAMUNDA_LOGIN, credentials, MediaType.APPLICATION_FORM_URLENCODED);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
