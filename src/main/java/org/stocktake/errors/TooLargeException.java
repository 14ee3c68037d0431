package org.stocktake.errors;

/** A request body over its limit: answered with 413 and what the limit is. */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String message) {
        super(message);
    }
}
