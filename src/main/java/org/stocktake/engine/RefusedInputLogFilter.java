package org.stocktake.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Marker;
import org.stocktake.engine.access.QueryExpressions;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.ForbiddenException;
import org.stocktake.errors.InvalidInputException;

/**
 * Keeps refused requests out of the error log. The engine logs every exception a command ends
 * with as an ERROR with its stack trace, even when it is only a person's form submission refused
 * for a missing field or an expression a filter may not hold, a completion by someone not in the
 * task's group (logged once, as a warning, where it is refused), or a task someone else completed
 * a moment before (a lost race, answered 409); the person is told, and nothing went wrong on the
 * server. Registered in logback-spring.xml.
 */
public class RefusedInputLogFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        // SLF4J callers pass the exception either on its own or as the last parameter
        Throwable logged = thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                ? last : thrown;
        for (Throwable cause = logged; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException || cause instanceof ConflictException || cause instanceof ForbiddenException
                    || cause instanceof QueryExpressions.RefusedExpressionException || isTaskGone(cause)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** The engine's words for a task that is no longer there, as the loser of a race meets it. */
    private static boolean isTaskGone(Throwable cause) {
        return cause instanceof NullValueException && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find task with id ");
    }
}
