package org.stocktake.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.stocktake.support.HttpActor;
import org.stocktake.support.PageSession;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * Wrong passwords are throttled by where they come from, not against the person they name: a
 * guesser is stopped for minutes that grow, while the person signs in from elsewhere, and an
 * address guessing through many names is stopped too. Addresses are given as a trusted proxy
 * gives them (X-Forwarded-For from this machine).
 */
@StocktakeSpringTest
class SignInThrottleTest {

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aGuesserIsStoppedForMinutesThatGrowWhileThePersonSignsInFromElsewhere() {
        new People(admin()).user("throttled-board-member", "oversight-board");
        String guesser = "203.0.113.7";
        String office = "198.51.100.20";
        Date start = new Date();
        ClockUtil.setCurrentTime(start);
        for (int guess = 0; guess < 5; guess++) {
            assertThat(status("throttled-board-member", "Wrong-guess-" + guess, guesser)).isEqualTo(401);
        }

        assertThat(status("throttled-board-member", People.PASSWORD, guesser)).as("the right password from the guesser's address").isEqualTo(401);
        assertThat(status("throttled-board-member", People.PASSWORD, office)).as("the person, from the office").isEqualTo(200);
        assertThat(webappLogin("throttled-board-member", People.PASSWORD, office)).as("and on the sign-in page").isEqualTo(200);

        ClockUtil.setCurrentTime(new Date(start.getTime() + 61_000));
        assertThat(status("throttled-board-member", "Wrong-guess-6", guesser)).isEqualTo(401);
        ClockUtil.setCurrentTime(new Date(start.getTime() + 61_000 + 61_000));
        assertThat(status("throttled-board-member", People.PASSWORD, guesser)).as("a minute after the sixth guess: locked for two").isEqualTo(401);
        ClockUtil.setCurrentTime(new Date(start.getTime() + 61_000 + 121_000));
        assertThat(status("throttled-board-member", People.PASSWORD, guesser)).as("two minutes after it").isEqualTo(200);
    }

    @Test
    void anAddressGuessingThroughManyNamesIsStoppedForEveryoneItNames() {
        new People(admin()).user("throttled-lead", "secretariat");
        String guesser = "203.0.113.99";
        Date start = new Date();
        ClockUtil.setCurrentTime(start);
        for (int name = 0; name < 30; name++) {
            assertThat(status("someone-" + name, "Guess-" + name, guesser)).isEqualTo(401);
        }

        assertThat(status("throttled-lead", People.PASSWORD, guesser)).as("a right password from that address").isEqualTo(401);
        assertThat(webappLogin("throttled-lead", People.PASSWORD, guesser)).as("the sign-in page from that address").isEqualTo(401);
        assertThat(status("throttled-lead", People.PASSWORD, "198.51.100.21")).as("from elsewhere").isEqualTo(200);
        ClockUtil.setCurrentTime(new Date(start.getTime() + 16 * 60_000));
        assertThat(status("throttled-lead", People.PASSWORD, guesser)).as("once the window has passed").isEqualTo(200);
    }

    private int status(String userId, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", address);
        headers.setBasicAuth(userId, password);
        return http.exchange("/engine-rest/task/count", HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value();
    }

    /** Signing in on the sign-in page, the one door to the reports and Tasklist: 200 when it signs the person in, else 401. */
    private int webappLogin(String userId, String password, String address) {
        return PageSession.from(http, address).signInAs(userId, password) ? 200 : 401;
    }

    private HttpActor admin() {
        return HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
    }
}
