package org.stocktake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.stocktake.support.OwnEngine;
import org.stocktake.support.PageSession;
import org.stocktake.support.StocktakeSpringTest;

/**
 * Behind HTTPS ({@code STOCKTAKE_HTTPS=true}) the one session's cookie and the webapps' CSRF
 * cookie are Secure, and the scheme and host the proxy forwards are the ones links
 * and redirects use.
 */
@OwnEngine
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "stocktake.https=true")
@ActiveProfiles("test")
class SecureCookiesTest {

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    void cookiesAreSecureAndSameSiteWhenServedOverHttps() {
        List<String> session = PageSession.anonymous(http).get("/login").getHeaders().get(HttpHeaders.SET_COOKIE);
        List<String> webapps = PageSession.signIn(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD)
                .get("/camunda/app/tasklist/default/").getHeaders().get(HttpHeaders.SET_COOKIE);

        assertThat(session).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("SameSite=Lax"));
        assertThat(webapps).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure").contains("SameSite=Lax"));
    }

    @Test
    void theReportPagesSessionIsSecureAndRedirectsFollowTheProxysSchemeAndHost() throws Exception {
        HttpRequest proxied = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reports"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "stocktake.example.org")
                .header("X-Forwarded-For", "198.51.100.9").build();

        HttpResponse<Void> reports = HttpClient.newHttpClient().send(proxied, HttpResponse.BodyHandlers.discarding());

        assertThat(reports.statusCode()).isEqualTo(302);
        assertThat(reports.headers().firstValue(HttpHeaders.LOCATION)).hasValue("https://stocktake.example.org/login");
        assertThat(reports.headers().allValues(HttpHeaders.SET_COOKIE)).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }
}
