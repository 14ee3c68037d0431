package org.stocktake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.stocktake.support.OwnEngine;

/** Behind HTTPS ({@code STOCKTAKE_HTTPS=true}) the webapps' session and CSRF cookies are Secure. */
@OwnEngine
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "stocktake.https=true")
@ActiveProfiles("test")
class SecureCookiesTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void cookiesAreSecureAndSameSiteWhenServedOverHttps() {
        List<String> cookies = http.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders().get(HttpHeaders.SET_COOKIE);

        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("SameSite=Lax"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure").contains("SameSite=Lax"));
    }
}
