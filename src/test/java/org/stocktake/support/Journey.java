package org.stocktake.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The common first steps of a recommendation, taken over HTTP by the people who take them in
 * Tasklist: the secretariat registers it for one addressee, the addressee accepts, the secretariat
 * makes the addressee its owner, and the first reporting window opens.
 */
public final class Journey {

    private final HttpActor secretariat;
    private final HttpActor admin;

    public Journey(HttpActor secretariat, HttpActor admin) {
        this.secretariat = secretariat;
        this.admin = admin;
    }

    /** Creates the review if it does not exist yet. */
    public Journey review(String code, String kind) {
        if (secretariat.get("/api/reviews/" + code).getStatusCode() == HttpStatus.NOT_FOUND) {
            expect(secretariat.post("/api/reviews", Map.of("code", code, "title", "Review " + code, "kind", kind)).getStatusCode(),
                    HttpStatus.CREATED, "create review " + code);
        }
        return this;
    }

    /**
     * Registers a recommendation addressed to {@code organisation} and takes it to its owner's first
     * progress update; {@code owner} is a member of the organisation. Returns the process instance id.
     */
    public String toFirstUpdate(String review, String reference, String organisation, HttpActor owner) {
        String processInstanceId = toReportingWindow(review, reference, organisation, owner, null);
        admin.fireTimer(processInstanceId, "IntermediateCatchEvent_ReportingWindowOpens");
        return processInstanceId;
    }

    /**
     * Registers a recommendation addressed to {@code organisation}, which accepts it, and assigns it to
     * that organisation (and to {@code ownerUser}, a member, when given): the process then waits for
     * the first reporting window to open. Returns the process instance id.
     */
    public String toReportingWindow(String review, String reference, String organisation, HttpActor owner, String ownerUser) {
        String businessKey = review + "/" + reference;
        expect(secretariat.post("/api/reviews/" + review + "/recommendations", Map.of("reference", reference,
                "text", "Recommendation " + reference + ".", "addressees", List.of(organisation))).getStatusCode(),
                HttpStatus.CREATED, "register " + businessKey);
        Map<String, Object> response = owner.tasks(businessKey).get(0);
        String processInstanceId = (String) response.get("processInstanceId");
        expect(owner.submitForm((String) response.get("id"), Map.of("decision", "ACCEPTED")).getStatusCode(),
                HttpStatus.NO_CONTENT, "accept " + businessKey);
        admin.runAsyncContinuations(processInstanceId);
        Map<String, Object> assignment = new HashMap<>(Map.of("ownerGroup", organisation, "targetDate", LocalDate.now().plusYears(1).toString()));
        if (ownerUser != null) {
            assignment.put("ownerUser", ownerUser);
        }
        expect(secretariat.submitForm((String) secretariat.tasks(businessKey).get(0).get("id"), assignment).getStatusCode(),
                HttpStatus.NO_CONTENT, "assign " + businessKey);
        admin.runAsyncContinuations(processInstanceId);
        return processInstanceId;
    }

    private static void expect(Object actual, HttpStatus expected, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError("Could not " + what + ": " + actual);
        }
    }
}
