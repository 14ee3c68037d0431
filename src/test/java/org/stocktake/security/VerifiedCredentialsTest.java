package org.stocktake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stocktake.support.HttpActor;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;

/**
 * A password verified a moment ago is not checked against the engine again, on either HTTP Basic
 * door ({@code /api} and {@code /engine-rest}), yet a changed password or membership takes effect
 * at the next call on this node, and on another once its poll is due; the sign-in throttle still
 * comes first.
 */
@StocktakeSpringTest
class VerifiedCredentialsTest {

    static final String API = "/api/reviews";
    static final String ENGINE_REST = "/engine-rest/task/count";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    HttpActor admin() {
        return HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
    }

    @Test
    void aChangedPasswordIsRefusedAtTheNextCallThroughBothDoors() {
        new People(admin()).organisation("vc-org", "Verified credentials organisation").user("vc-changes", "vc-org");
        assertThat(statusOf("vc-changes", People.PASSWORD, API)).isEqualTo(HttpStatus.OK);
        assertThat(statusOf("vc-changes", People.PASSWORD, ENGINE_REST)).isEqualTo(HttpStatus.OK);

        assertThat(admin().exchange(HttpMethod.PUT, "/engine-rest/user/vc-changes/credentials", Map.of("password", "Battery-Staple-8",
                "authenticatedUserPassword", StocktakeSpringTest.ADMIN_PASSWORD), MediaType.APPLICATION_JSON).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(statusOf("vc-changes", People.PASSWORD, API)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf("vc-changes", People.PASSWORD, ENGINE_REST)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf("vc-changes", "Battery-Staple-8", API)).isEqualTo(HttpStatus.OK);
        assertThat(statusOf("vc-changes", "Battery-Staple-8", ENGINE_REST)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aMembershipTakenAwayTakesItsRightsWithItAtTheNextCall() {
        new People(admin()).group("monitoring", "Monitoring", "role").user("vc-scraper", "monitoring");
        assertThat(statusOf("vc-scraper", People.PASSWORD, "/actuator/prometheus")).isEqualTo(HttpStatus.OK);

        assertThat(admin().exchange(HttpMethod.DELETE, "/engine-rest/group/monitoring/members/vc-scraper", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(statusOf("vc-scraper", People.PASSWORD, "/actuator/prometheus")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aWrongPasswordIsNeverTakenForTheRightOneRemembered() {
        new People(admin()).organisation("vc-org", "Verified credentials organisation").user("vc-wrong", "vc-org");
        assertThat(statusOf("vc-wrong", People.PASSWORD, API)).isEqualTo(HttpStatus.OK);

        assertThat(statusOf("vc-wrong", People.PASSWORD + "x", API)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf("vc-wrong", People.PASSWORD + "x", ENGINE_REST)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf("vc-wrong", "", API)).isEqualTo(HttpStatus.UNAUTHORIZED);
        // and the engine counted them, as it counts every wrong password
        assertThat(jdbc.sql("select attempts_ from act_id_user where id_ = 'vc-wrong'").query(Integer.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aChangeMadeOnAnotherNodeIsFollowedOnceThePollIsDue() {
        new People(admin()).organisation("vc-org", "Verified credentials organisation").user("vc-elsewhere", "vc-org");
        assertThat(statusOf("vc-elsewhere", People.PASSWORD, API)).isEqualTo(HttpStatus.OK);

        // another node changes the password in the shared database, and moves the generation on with it
        jdbc.sql("update act_id_user set salt_ = 'changed-elsewhere' where id_ = 'vc-elsewhere'").update();
        jdbc.sql("update identity_generation set generation = generation + 1 where id = 1").update();
        // within the poll this node still trusts what it verified a moment ago: the password is not checked again
        assertThat(statusOf("vc-elsewhere", People.PASSWORD, API)).isEqualTo(HttpStatus.OK);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(3)));
        try {
            assertThat(statusOf("vc-elsewhere", People.PASSWORD, API)).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(statusOf("vc-elsewhere", People.PASSWORD, ENGINE_REST)).isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void theThrottleRefusesARememberedPasswordFromAnAddressThatGuessedWrong() {
        new People(admin()).organisation("vc-org", "Verified credentials organisation").user("vc-guessed", "vc-org");
        assertThat(statusOf("vc-guessed", People.PASSWORD, ENGINE_REST)).isEqualTo(HttpStatus.OK);
        for (int guess = 0; guess < 6; guess++) {
            assertThat(statusOf("vc-guessed", "guess-" + guess, ENGINE_REST)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(statusOf("vc-guessed", People.PASSWORD, ENGINE_REST)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf("vc-guessed", People.PASSWORD, API)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HttpStatusCode statusOf(String user, String password, String path) {
        return HttpActor.as(http, user, password).exchange(HttpMethod.GET, path, null, null).getStatusCode();
    }
}
