package org.stocktake.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class RequiredWhenTest {

    enum Action { EXTEND, NOTE }

    @RequiredWhen(field = "until", when = "action", is = "EXTEND", message = "is required with EXTEND")
    @RequiredWhen(field = "why", when = "action", is = {"EXTEND", "NOTE"}, message = "is required: say why")
    record Request(Action action, LocalDate until, String why) {
    }

    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aFieldIsRequiredOnlyWhenTheDecidingFieldHasOneOfItsValuesAndIsReportedOnItself() {
        assertThat(problems(new Request(Action.EXTEND, null, " "))).containsExactly(
                new FieldProblem("until", "is required with EXTEND"), new FieldProblem("why", "is required: say why"));
        assertThat(problems(new Request(Action.NOTE, null, null))).containsExactly(new FieldProblem("why", "is required: say why"));
        assertThat(problems(new Request(Action.NOTE, null, "Noted."))).isEmpty();
        assertThat(problems(new Request(null, null, null))).as("nothing decides").isEmpty();
    }

    private List<FieldProblem> problems(Request request) {
        var violations = validator.validate(request);
        return violations.isEmpty() ? List.of() : InvalidInputException.of(violations).problems();
    }
}
