package org.stocktake.engine;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    /**
     * The zone the setting names. A fixed offset other than UTC's ({@code +01:00}, {@code GMT+1}) is
     * refused: it keeps no summer time, and PostgreSQL reads an offset given as a zone's name with
     * its sign reversed, so the dashboard's "on time" would count the wrong day.
     */
    public static ZoneId parse(String zone) {
        ZoneId parsed;
        try {
            parsed = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException(SETTING + " is \"" + zone + "\", which is not a time zone such as Europe/London", e);
        }
        if (parsed.normalized() instanceof ZoneOffset offset && !offset.equals(ZoneOffset.UTC)) {
            throw new IllegalStateException(SETTING + " is \"" + zone + "\", a fixed offset: give a region such as Europe/London, or UTC");
        }
        return parsed;
    }
}
