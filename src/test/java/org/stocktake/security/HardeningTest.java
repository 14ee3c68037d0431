package org.stocktake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.env.MockEnvironment;
import org.stocktake.support.HttpActor;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;
import org.stocktake.support.WebappSession;

/** The hardening of issues 4 and 13, each setting checked by what it does. */
@StocktakeSpringTest
class HardeningTest {

    static final String REVIEW = Unique.reviewCode("HARDEN");

    @Autowired
    TestRestTemplate http;

    HttpActor admin() {
        return HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
    }

    @Test
    void withoutTheDemoProfileThereAreNoDemoUsers() {
        for (String demoUser : List.of("demo", "sec", "board", "mps-lead")) {
            assertThat(admin().get("/engine-rest/user/" + demoUser + "/profile").getStatusCode()).as(demoUser).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(HttpActor.as(http, "demo", "demo").getText("/api/reviews", MediaType.APPLICATION_JSON).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void camundaAdminsFirstUserSetupIsClosedOnceThereIsAnAdministrator() {
        Map<String, Object> usurper = Map.of("profile", Map.of("id", "usurper", "firstName", "U", "lastName", "S"),
                "credentials", Map.of("password", "Usurp-1234"));
        ResponseEntity<String> setup = WebappSession.anonymous(http).exchange(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create",
                usurper, MediaType.APPLICATION_JSON);
        ResponseEntity<String> signedIn = WebappSession.signIn(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD)
                .exchange(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create", usurper, MediaType.APPLICATION_JSON);

        assertThat(setup.getStatusCode()).as("without signing in: %s", setup.getBody()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(signedIn.getStatusCode()).as("even signed in: %s", signedIn.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin().get("/engine-rest/user/usurper/profile").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theEmbeddedDatabaseOpensNoPortAndTakesItsPasswordFromTheEnvironment() {
        Properties defaults = new YamlPropertiesFactoryBean() {
            {
                setResources(new ClassPathResource("application.yml"));
            }
        }.getObject();
        MockEnvironment withNothingSet = new MockEnvironment();
        MockEnvironment withPasswordAndServer = new MockEnvironment().withProperty("STOCKTAKE_H2_PASSWORD", "s3cret")
                .withProperty("STOCKTAKE_H2_AUTO_SERVER", "TRUE");

        assertThat(withNothingSet.resolvePlaceholders(defaults.getProperty("spring.datasource.url"))).contains("AUTO_SERVER=FALSE");
        assertThat(withNothingSet.resolvePlaceholders(defaults.getProperty("spring.datasource.password"))).isEmpty();
        assertThat(withPasswordAndServer.resolvePlaceholders(defaults.getProperty("spring.datasource.url"))).contains("AUTO_SERVER=TRUE");
        assertThat(withPasswordAndServer.resolvePlaceholders(defaults.getProperty("spring.datasource.password"))).isEqualTo("s3cret");
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        String processInstanceId = aProcessInstance();

        ResponseEntity<String> refused = admin().exchange(HttpMethod.PUT,
                "/engine-rest/process-instance/" + processInstanceId + "/variables/smuggled",
                Map.of("value", "rO0ABXQABWhlbGxv", "type", "Object", "valueInfo",
                        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")),
                MediaType.APPLICATION_JSON);

        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("serialization format").contains("prohibited");
    }

    @Test
    void engineListsAreBoundedForSignedInCallers() {
        ResponseEntity<String> unbounded = admin().getText("/engine-rest/task", MediaType.APPLICATION_JSON);
        ResponseEntity<String> tooMany = admin().getText("/engine-rest/task?maxResults=2001", MediaType.APPLICATION_JSON);

        assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unbounded.getBody()).contains("unbound number of results");
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody()).contains("Max results limit of 2000");
        assertThat(admin().getText("/engine-rest/task?maxResults=2000", MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theSignInAndTheWebappsRefuseAFormWithoutItsCsrfTokenAndSetSameSiteCookies() {
        PageSession browser = PageSession.anonymous(http);
        ResponseEntity<String> forged = browser.post("/login", "username=" + StocktakeSpringTest.ADMIN + "&password=" + StocktakeSpringTest.ADMIN_PASSWORD);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(browser.signInAs(StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD)).isTrue();

        ResponseEntity<String> tasklist = browser.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> cookies = tasklist.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("SameSite=Lax").doesNotContain("Secure"));
        assertThat(browser.get("/login").getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(PageSession.anonymous(http).get("/login").getHeaders().get(HttpHeaders.SET_COOKIE))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure"));
        // the webapps' own CSRF check: a change without the token they gave is refused
        assertThat(browser.post("/camunda/api/admin/auth/user/default/logout", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String aProcessInstance() {
        HttpActor admin = admin();
        new People(admin).organisation("harden-org", "Hardening");
        admin.post("/api/reviews", Map.of("code", REVIEW, "title", "Hardening", "kind", "REVIEW"));
        admin.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", "1", "text", "Harden it.", "addressees", List.of("harden-org")));
        return (String) admin.tasks(REVIEW + "/1").get(0).get("processInstanceId");
    }
}
