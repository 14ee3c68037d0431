package org.stocktake.errors;

/** The person asking may not do this, whatever they send: answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
