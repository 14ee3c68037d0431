package org.stocktake.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expressions a task query may hold: Tasklist's own functions, and nothing that reaches further. */
class QueryExpressionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"${currentUser()}", "${currentUserGroups()}", "${now()}", "${ now() }", "${dateTime()}",
            "${dateTime().toDate()}", "${dateTime().plusDays(7).toDate()}", "${dateTime().minusWeeks(2).withTimeAtStartOfDay().toDate()}",
            "${dateTime().withDayOfWeek(1).withTimeAtStartOfDay().toDate()}"})
    void tasklistsFunctionsAreAllowed(String expression) {
        assertThat(QueryExpressions.isAllowed(expression)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${jdbcClient.sql('update review set title = 1').update()}", "${submissions}", "${currentUser}",
            "#{currentUser()}", "${currentUser()}${jdbcClient}", "${currentUser() + jdbcClient}", "${dateTime().getClass()}",
            "${dateTime().plusDays(7).getClass().forName('java.lang.Runtime')}", "${dateTime().plusDays(x).toDate()}",
            "${dateTime().withZone(null)}", "${''.getClass()}", "${now().getClass()}", "${currentUser()} ", "currentUser()",
            "${dateTime().plusDays(9999999).toDate()}"})
    void anythingElseIsRefused(String expression) {
        assertThat(QueryExpressions.isAllowed(expression)).isFalse();
    }
}
