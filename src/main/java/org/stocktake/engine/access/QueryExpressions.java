package org.stocktake.engine.access;

import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * The expressions a task query may hold: Tasklist's own functions and nothing else. A saved
 * filter's query is evaluated by the engine's expression manager, which can call any object it
 * reaches; so a query may name only who is asking and when, never a bean, a variable or a class:
 * <ul>
 * <li>{@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}};</li>
 * <li>{@code ${dateTime()}} followed by Joda-Time's date arithmetic with whole numbers, e.g.
 * {@code ${dateTime().plusDays(7).withTimeAtStartOfDay().toDate()}}.</li>
 * </ul>
 * Checked when a filter is saved ({@link FencedFilterManager}) and again whenever any query's
 * expression is evaluated ({@link FencedExpressionManager}), {@code or} branches included.
 */
public final class QueryExpressions {

    private static final String DATE_ARITHMETIC = "\\.(?:(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\s*\\d{1,6}\\s*\\)"
            + "|with(?:DayOfWeek|DayOfMonth|DayOfYear|MonthOfYear|WeekOfWeekyear|HourOfDay|MinuteOfHour|SecondOfMinute|MillisOfSecond)\\(\\s*\\d{1,4}\\s*\\)"
            + "|withTimeAtStartOfDay\\(\\)|toDate\\(\\))";
    private static final Pattern ALLOWED = Pattern.compile("\\$\\{\\s*(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
            + "|dateTime\\(\\)(?:" + DATE_ARITHMETIC + ")*)\\s*}");
    static final String WHAT_IS_ALLOWED = "a task query may use only ${currentUser()}, ${currentUserGroups()}, ${now()} and "
            + "${dateTime()} with whole-number date arithmetic such as ${dateTime().plusDays(7).toDate()}";

    private QueryExpressions() {
    }

    public static boolean isAllowed(String expression) {
        return expression != null && ALLOWED.matcher(expression).matches();
    }

    /** Refuses an expression that is not one of Tasklist's functions, saying which and why. */
    static void requireAllowed(String expression) {
        if (!isAllowed(expression)) {
            throw new RefusedExpressionException("The expression " + expression + " is refused: " + WHAT_IS_ALLOWED + ".");
        }
    }

    /** Refuses a query holding any expression that is not allowed, in its own criteria or in an {@code or} branch. */
    static void requireAllowed(AbstractQuery<?, ?> query) {
        refused(query).stream().findFirst().ifPresent(QueryExpressions::requireAllowed);
    }

    /** The expressions of a query and of its {@code or} branches that are not allowed. */
    static List<String> refused(AbstractQuery<?, ?> query) {
        List<? extends AbstractQuery<?, ?>> branches = query instanceof TaskQueryImpl taskQuery ? taskQuery.getQueries() : List.of(query);
        return branches.stream().flatMap(branch -> branch.getExpressions().values().stream())
                .filter(expression -> !isAllowed(expression))
                .toList();
    }

    /** An expression refused in a task query: a 400 on both doors of the engine's REST API. */
    public static class RefusedExpressionException extends BadUserRequestException {

        RefusedExpressionException(String message) {
            super(message);
        }
    }
}
