package org.stocktake.errors;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * On a record: a field that must be given when another field has one of some values, e.g. the
 * reasons when a recommendation is not accepted. The problem is reported on the field itself,
 * named as the form and the API name it. Text of only spaces is not given.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Repeatable(RequiredWhen.List.class)
@Constraint(validatedBy = RequiredWhenValidator.class)
public @interface RequiredWhen {

    /** The record component that must be given. */
    String field();

    /** The record component whose value decides. */
    String when();

    /** The values of {@link #when} (an enumeration's names) that make {@link #field} required. */
    String[] is();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Target(TYPE)
    @Retention(RUNTIME)
    @interface List {
        RequiredWhen[] value();
    }
}
