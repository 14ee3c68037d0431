package org.stocktake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.stocktake.support.HttpActor;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * A browser is told what went wrong on a page in Stocktake's style, with the status kept (403,
 * 404, 400); a script calling {@code /api} gets the same problem as JSON.
 */
@StocktakeSpringTest
class ErrorPagesTest {

    @Autowired
    TestRestTemplate http;

    PageSession lead;

    @BeforeEach
    void signIn() {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("errors-org", "Errors organisation").user("errors-lead", "errors-org");
        lead = PageSession.signIn(http, "errors-lead", People.PASSWORD);
    }

    @Test
    void anUnknownAddressIsAPageNotFoundNotWhitelabel() {
        ResponseEntity<String> page = lead.get("/reports/no-such-report");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<h1>Page not found</h1>", "check it is correct", "<main")
                .doesNotContain("Whitelabel", "\"status\"");
    }

    @Test
    void anUnknownRecommendationSaysWhichInPlainWordsAndTheApiStillAnswersJson() {
        ResponseEntity<String> page = lead.get("/reports/recommendations/987654321");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("<h1>Page not found</h1>", "987654321").doesNotContain("\"detail\"");

        ResponseEntity<String> api = HttpActor.as(http, "errors-lead", People.PASSWORD).getText("/api/recommendations/987654321/timeline",
                MediaType.APPLICATION_JSON);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(api.getBody()).contains("\"detail\"", "987654321");
    }

    @Test
    void aPageTheRoleMayNotSeeIsRefusedAsAPage() {
        ResponseEntity<String> page = lead.get("/reports/board-packs");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getBody()).contains("<h1>You cannot see this page</h1>", "ask the secretariat");
    }

    @Test
    void aMalformedAddressIsABadRequestPage() {
        ResponseEntity<String> page = lead.get("/reports/recommendations/not-a-number");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("<h1>There is a problem with this request</h1>").doesNotContain("Whitelabel");
    }

    /** What was typed into the address is not repeated as the site's own words, nor are Java's type names shown. */
    @Test
    void aValueThatCannotBeReadIsNotEchoed() {
        ResponseEntity<String> page = lead.get("/reports/register?rag=Your+session+has+expired,+call+0800+000000");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("rag: cannot be read").doesNotContain("session has expired", "org.stocktake", "0800");
    }
}
