package org.stocktake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/** The hardening of issue 4, each setting checked by what it does. */
@StocktakeSpringTest
class HardeningTest {

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
    void aFirstAdministratorWithoutAPasswordStopsTheStart() {
        ProcessEngine engine = mock(ProcessEngine.class);
        IdentityService identityService = mock(IdentityService.class);
        when(engine.getIdentityService()).thenReturn(identityService);

        assertThatThrownBy(() -> new FirstAdministrator(new AdminSettings("root", " ")).postProcessEngineBuild(engine))
                .hasMessageContaining("STOCKTAKE_ADMIN_PASSWORD");
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
    void fiveWrongPasswordsLockTheUserEvenWithTheRightOneAfterwards() {
        new People(admin()).user("locked-out");
        HttpActor guesser = HttpActor.as(http, "locked-out", "wrong-guess");
        Date now = new Date();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                // each guess after the previous one's delay, so every one counts
                ClockUtil.setCurrentTime(new Date(now.getTime() + attempt * 120_000L));
                assertThat(guesser.getText("/api/reviews", MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            ClockUtil.setCurrentTime(new Date(now.getTime() + 3_600_000L));

            assertThat(HttpActor.as(http, "locked-out", People.PASSWORD).getText("/api/reviews", MediaType.APPLICATION_JSON).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(HttpActor.as(http, "locked-out", People.PASSWORD).getText("/engine-rest/task?maxResults=1", MediaType.APPLICATION_JSON)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void theWebappsRefuseALoginWithoutItsCsrfTokenAndSetSameSiteCookies() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("SameSite=Lax").doesNotContain("Secure"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").doesNotContain("Secure"));

        assertThat(webappLogin(true).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin(false).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Signs the administrator in to Tasklist in a fresh session, with or without the CSRF token the page gave. */
    private ResponseEntity<String> webappLogin(boolean withCsrfToken) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().map(cookie -> cookie.split(";")[0]).toList();
        headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
        if (withCsrfToken) {
            headers.add("X-XSRF-TOKEN", cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                    .substring("XSRF-TOKEN=".length()));
        }
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=" + StocktakeSpringTest.ADMIN + "&password=" + StocktakeSpringTest.ADMIN_PASSWORD, headers),
                String.class);
    }

    private String aProcessInstance() {
        HttpActor admin = admin();
        new People(admin).organisation("harden-org", "Hardening");
        admin.post("/api/reviews", Map.of("code", "HARDEN-2026", "title", "Hardening", "kind", "REVIEW"));
        admin.post("/api/reviews/HARDEN-2026/recommendations", Map.of("reference", "1", "text", "Harden it.", "addressees", List.of("harden-org")));
        return (String) admin.tasks("HARDEN-2026/1").get(0).get("processInstanceId");
    }
}
