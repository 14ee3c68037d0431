package org.stocktake.engine;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes {@code stocktake.zone} the JVM's default time zone before anything starts. The engine adds
 * a timer's period ({@code P7D}, {@code P3M}) in the JVM's default zone, and reads and writes the
 * database's timestamps in it; with the reporting zone as the default, a weekly check stays at
 * 17:00 in London across the clocks' changes, whatever zone the machine is set to.
 */
public class EngineZone implements EnvironmentPostProcessor {

    public static final String SETTING = "stocktake.zone";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String zone = environment.getProperty(SETTING);
        if (zone != null) {
            useAsDefault(parse(zone));
        }
    }

    /** Sets the JVM's default zone, for the application and for process tests without Spring. */
    public static void useAsDefault(ZoneId zone) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
    }

    public static ZoneId parse(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException(SETTING + " is \"" + zone + "\", which is not a time zone such as Europe/London", e);
        }
    }
}
