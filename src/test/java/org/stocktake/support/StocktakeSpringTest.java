package org.stocktake.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the test profile. Every test class that uses
 * exactly this shares one Spring context (and one in-memory H2 database). Those marked
 * {@link OnBothDatabases} run again on PostgreSQL in {@code mvn verify}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(PostgresTestConfiguration.class)
@Tag(StocktakeSpringTest.TAG)
public @interface StocktakeSpringTest {

    String TAG = "application";
    String ADMIN = "test-admin";
    String ADMIN_PASSWORD = "test-admin-password";
}
