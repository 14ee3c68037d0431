package org.stocktake.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A {@link StocktakeSpringTest} class whose behaviour depends on the database: our own SQL, its
 * transactions and locks, bulk writes, or what a rollback leaves. {@code mvn verify} runs it a
 * second time on PostgreSQL (the pom's {@code postgres-tests} execution, see
 * {@link PostgresTestConfiguration}); a class about HTTP, roles and the engine's own doors runs on
 * H2 only, since nothing in it differs between the two.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OnBothDatabases.TAG)
public @interface OnBothDatabases {

    String TAG = "both-databases";
}
