package org.stocktake.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What a browser is shown when a page cannot be: Spring Boot's error view renders
 * {@code templates/error.html} for the status (403, 404, 500...) in Stocktake's style, in place
 * of problem JSON or the Whitelabel page. The page says what went wrong in the words of the
 * problem Stocktake raised (an unknown review, a recommendation not yours), never an exception's
 * text from elsewhere.
 */
@Component
class ErrorPages extends DefaultErrorAttributes {

    static final String DETAIL = ErrorPages.class.getName() + ".detail";

    /** A browser asking for a page, not a script calling {@code /api}. */
    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** The problem's words, for the page the error dispatch renders. */
    static void keepDetail(HttpServletRequest request, String detail) {
        if (detail != null) {
            request.setAttribute(DETAIL, detail);
        }
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object detail = request.getAttribute(DETAIL, RequestAttributes.SCOPE_REQUEST);
        if (detail != null) {
            attributes.put("detail", detail);
        }
        return attributes;
    }
}
