package org.stocktake.errors;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link RequiredWhen} on a record by reading its components. */
public class RequiredWhenValidator implements ConstraintValidator<RequiredWhen, Record> {

    private RequiredWhen rule;
    private Set<String> deciding;

    @Override
    public void initialize(RequiredWhen rule) {
        this.rule = rule;
        this.deciding = Set.of(rule.is());
    }

    @Override
    public boolean isValid(Record record, ConstraintValidatorContext context) {
        if (record == null) {
            return true;
        }
        Object when = component(record, rule.when());
        if (when == null || !deciding.contains(String.valueOf(when)) || given(component(record, rule.field()))) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(rule.message()).addPropertyNode(rule.field()).addConstraintViolation();
        return false;
    }

    private static boolean given(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
    }

    private static Object component(Record record, String name) {
        RecordComponent component = Arrays.stream(record.getClass().getRecordComponents())
                .filter(candidate -> candidate.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(record.getClass().getSimpleName() + " has no component " + name));
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
