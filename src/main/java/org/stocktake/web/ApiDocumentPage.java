package org.stocktake.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API's OpenAPI document as a page for people ({@code /reports/api}, behind the sign-in): each
 * operation with its parameters, what it takes, and each answer with its types. Stocktake's own
 * page rather than Swagger UI, so it reads like the other pages and passes the same accessibility
 * checks; the document itself is at {@code /api/openapi.json} for tools.
 */
@Controller
class ApiDocumentPage {

    private final OpenApiWebMvcResource document;
    private final ObjectMapper json;

    ApiDocumentPage(OpenApiWebMvcResource document, ObjectMapper json) {
        this.document = document;
        this.json = json;
    }

    /** One operation as the page lists it. */
    record Operation(String method, String path, String summary, List<String> parameters, List<String> takes, List<String> answers) {
    }

    @GetMapping(path = "/reports/api", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) throws IOException {
        JsonNode api = json.readTree(document.openapiJson(request, "/api/openapi.json", Locale.UK));
        List<Operation> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            List<String> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asText() + " (" + parameter.path("in").asText()
                    + (parameter.path("required").asBoolean() ? ", required" : "") + ")"));
            List<String> takes = new ArrayList<>();
            operation.path("requestBody").path("content").fieldNames().forEachRemaining(takes::add);
            List<String> answers = new ArrayList<>();
            operation.path("responses").fields().forEachRemaining(response -> {
                List<String> types = new ArrayList<>();
                response.getValue().path("content").fieldNames().forEachRemaining(types::add);
                answers.add(response.getKey() + ": " + response.getValue().path("description").asText()
                        + (types.isEmpty() ? "" : " (" + String.join(", ", types) + ")"));
            });
            operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                    operation.path("summary").asText(operation.path("description").asText("")), parameters, takes, answers));
        }));
        model.addAttribute("title", api.path("info").path("title").asText());
        model.addAttribute("version", api.path("info").path("version").asText());
        model.addAttribute("operations", operations);
        return "api";
    }
}
