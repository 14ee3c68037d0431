package org.stocktake.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.FieldProblem;
import org.stocktake.errors.ForbiddenException;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.errors.NotFoundException;
import org.stocktake.errors.TooLargeException;

/**
 * Turns what went wrong in an {@code /api} request into an RFC 9457 problem: 400 with every
 * field problem under {@code errors}, 403, 404, 409, 413. Bad input never becomes a 500.
 */
@RestControllerAdvice(basePackages = "org.stocktake")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(ForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail tooLarge(TooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    /** Two requests raced to record the same thing; the loser's transaction rolled back whole. */
    @ExceptionHandler
    ProblemDetail duplicate(DuplicateKeyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This has just been recorded by another request; reload and try again.");
    }

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.problems());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            String message = mapping instanceof InvalidFormatException format && format.getTargetType().isEnum()
                    ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
                    : "cannot be read as " + (mapping instanceof InvalidFormatException format ? format.getTargetType().getSimpleName() : "the expected value");
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, message))));
        }
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem("body", "is not valid JSON"))));
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + (problems.size() == 1 ? "a problem" : problems.size() + " problems") + ": "
                        + String.join("; ", problems.stream().map(FieldProblem::toString).toList()));
        problem.setProperty("errors", problems);
        return problem;
    }
}
