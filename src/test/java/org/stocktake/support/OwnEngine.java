package org.stocktake.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A test whose Spring context differs from the shared one (another database, directory or
 * setting) and so starts an engine of its own. Camunda's REST API finds "the default engine" in a
 * JVM-wide registry, where a second context's engine would take the first one's place, so these
 * tests run apart from the shared context (the pom's {@code own-engine-tests} execution), one
 * after another in one JVM, each context closed when its class is done: never two engines at once.
 */
@DirtiesContext
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnEngine.TAG)
public @interface OwnEngine {

    String TAG = "own-engine";
}
