package org.stocktake.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the report pages (Thymeleaf templates under {@code templates/}, written as XHTML) and
 * turns the same page into PDF, so what is printed is what the browser shows.
 */
@Component
class PageRenderer {

    private final ITemplateEngine templates;

    PageRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** A page served now, with the session's CSRF token for the header's sign-out form. */
    String page(String template, Map<String, Object> model) {
        Context context = new Context(Locale.UK, model);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            context.setVariable("_csrf", csrf);
        }
        return templates.process(template, context);
    }

    /** A page that is kept or printed: it carries no session's token, whoever's request produced it. */
    String document(String template, Map<String, Object> model) {
        return templates.process(template, new Context(Locale.UK, model));
    }

    byte[] pdf(String html) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
