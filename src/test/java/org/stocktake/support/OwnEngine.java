package org.stocktake.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test whose Spring context differs from the shared one (another database, directory or
 * setting) and so starts an engine of its own. Camunda's REST API finds "the default engine" in a
 * JVM-wide registry, where a second context's engine would take the first one's place, so these
 * tests run in a JVM of their own (the pom's {@code own-engine-tests} execution).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnEngine.TAG)
public @interface OwnEngine {

    String TAG = "own-engine";
}
