package org.stocktake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.web.context.request.ServletWebRequest;
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
 * field problem under {@code errors}, 403, 404, 409, 413. Bad input never becomes a 500. A
 * browser asking for a page gets the same status as a page it can read.
 */
@RestControllerAdvice(basePackages = "org.stocktake")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(e, HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> forbidden(ForbiddenException e, WebRequest request) {
        return problem(e, HttpStatus.FORBIDDEN, e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        return problem(e, HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> tooLarge(TooLargeException e, WebRequest request) {
        return problem(e, HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), request);
    }

    /** Two requests raced to record the same thing; the loser's transaction rolled back whole. */
    @ExceptionHandler
    ResponseEntity<Object> duplicate(DuplicateKeyException e, WebRequest request) {
        return problem(e, HttpStatus.CONFLICT, "This has just been recorded by another request; reload and try again.", request);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidInput(InvalidInputException e, WebRequest request) {
        ProblemDetail problem = invalid(e.problems());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                // a value that could not even be converted: Spring's words would repeat it, with Java's type names
                .map(error -> new FieldProblem(error.getField(), error.isBindingFailure() ? "cannot be read: check what was entered"
                        : error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(e, invalid(problems), headers, HttpStatus.BAD_REQUEST, request);
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
            return handleExceptionInternal(e, invalid(List.of(new FieldProblem(field, message))), headers, HttpStatus.BAD_REQUEST, request);
        }
        return handleExceptionInternal(e, invalid(List.of(new FieldProblem("body", "is not valid JSON"))), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Every answer passes here: a person's browser on a page (not {@code /api}) gets the page for
     * the status, from {@code templates/error.html} through Spring Boot's error view, with the
     * problem's words ({@link ErrorPages}); a script gets the problem as JSON.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        if (request instanceof ServletWebRequest servlet && ErrorPages.wantsPage(servlet.getRequest())) {
            ErrorPages.keepDetail(servlet.getRequest(), body instanceof ProblemDetail problem ? problem.getDetail() : null);
            try {
                servlet.getResponse().sendError(status.value());
            } catch (IOException unsent) {
                throw new UncheckedIOException(unsent);
            }
            return null;
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatus status, String detail, WebRequest request) {
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(), status, request);
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + (problems.size() == 1 ? "a problem" : problems.size() + " problems") + ": "
                        + String.join("; ", problems.stream().map(FieldProblem::toString).toList()));
        problem.setProperty("errors", problems);
        return problem;
    }
}
