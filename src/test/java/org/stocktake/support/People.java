package org.stocktake.support;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Creates organisations and people through the engine REST API, as an administrator would in
 * Camunda Admin; each call leaves alone what already exists, so tests sharing a context can call it.
 */
public final class People {

    public static final String PASSWORD = "Correct-Horse-7";

    private final HttpActor admin;

    public People(HttpActor admin) {
        this.admin = admin;
    }

    public People organisation(String id, String name) {
        return group(id, name, "organisation");
    }

    public People group(String id, String name, String type) {
        if (admin.get("/engine-rest/group/" + id).getStatusCode() == HttpStatus.NOT_FOUND) {
            expectNoContent(admin.post("/engine-rest/group/create", Map.of("id", id, "name", name, "type", type)).getStatusCode(),
                    "create group " + id);
        }
        return this;
    }

    public People user(String id, String... groups) {
        if (admin.get("/engine-rest/user/" + id + "/profile").getStatusCode() == HttpStatus.NOT_FOUND) {
            expectNoContent(admin.post("/engine-rest/user/create", Map.of(
                    "profile", Map.of("id", id, "firstName", id, "lastName", "Tester", "email", id + "@stocktake.example"),
                    "credentials", Map.of("password", PASSWORD))).getStatusCode(), "create user " + id);
            for (String group : groups) {
                expectNoContent(admin.put("/engine-rest/group/" + group + "/members/" + id).getStatusCode(),
                        "add " + id + " to " + group);
            }
        }
        return this;
    }

    private static void expectNoContent(HttpStatusCode status, String what) {
        if (status.value() != HttpStatus.NO_CONTENT.value()) {
            throw new AssertionError("Could not " + what + ": " + status);
        }
    }
}
