package org.stocktake.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.stocktake.errors.TooLargeException;

/** Reading an uploaded file sent as the request body, within a size limit. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Reads the body, refusing it as soon as it is larger than the limit rather than after reading
     * it all; {@code refusal} tells the caller what the limit is and what to do.
     */
    public static byte[] readAtMost(HttpServletRequest request, long limit, String refusal) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new TooLargeException(refusal);
        }
        try (InputStream body = request.getInputStream()) {
            byte[] content = body.readNBytes((int) limit + 1);
            if (content.length > limit) {
                throw new TooLargeException(refusal);
            }
            return content;
        }
    }
}
