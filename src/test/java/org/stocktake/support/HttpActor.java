package org.stocktake.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One person calling Stocktake over HTTP with their engine user's password: our {@code /api} and
 * the engine's {@code /engine-rest}, exactly as a script or Tasklist would.
 */
public final class HttpActor {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    /**
     * The page size of engine list queries: the engine refuses unbounded lists to signed-in users
     * (queryMaxResultsLimit).
     */
    public static final int PAGE = 100;

    private final TestRestTemplate http;

    private HttpActor(TestRestTemplate http) {
        this.http = http;
    }

    public static HttpActor as(TestRestTemplate http, String userId, String password) {
        return new HttpActor(http.withBasicAuth(userId, password));
    }

    public static HttpActor anonymous(TestRestTemplate http) {
        return new HttpActor(http);
    }

    public ResponseEntity<Map<String, Object>> get(String path) {
        return http.exchange(path, HttpMethod.GET, null, OBJECT);
    }

    public List<Map<String, Object>> getList(String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.exchange(path, HttpMethod.GET, null, LIST);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET " + path + " answered " + response.getStatusCode());
        }
        return response.getBody();
    }

    public List<Map<String, Object>> postForList(String path, Object body) {
        ResponseEntity<List<Map<String, Object>>> response = http.exchange(path, HttpMethod.POST, json(body), LIST);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("POST " + path + " answered " + response.getStatusCode());
        }
        return response.getBody();
    }

    public ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return http.exchange(path, HttpMethod.POST, json(body), OBJECT);
    }

    public ResponseEntity<Map<String, Object>> put(String path) {
        return http.exchange(path, HttpMethod.PUT, null, OBJECT);
    }

    public ResponseEntity<String> postRaw(String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    /** Posts a file as the request body, as {@code curl --data-binary} does. */
    public ResponseEntity<Map<String, Object>> postFile(String path, byte[] content, MediaType type) {
        return sendFile(HttpMethod.POST, path, content, type);
    }

    /** Replaces what is at the path with a file sent as the request body. */
    public ResponseEntity<Map<String, Object>> putFile(String path, byte[] content, MediaType type) {
        return sendFile(HttpMethod.PUT, path, content, type);
    }

    private ResponseEntity<Map<String, Object>> sendFile(HttpMethod method, String path, byte[] content, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.exchange(path, method, new HttpEntity<>(content, headers), OBJECT);
    }

    /** Uploads a file as the multipart field {@code file}, as a browser form does. */
    public ResponseEntity<Map<String, Object>> upload(String path, String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), OBJECT);
    }

    /** Any call, answered as text: for checking statuses and what a body must not contain. */
    public ResponseEntity<String> exchange(HttpMethod method, String path, Object body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    public ResponseEntity<String> getText(String path, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The open tasks of one process instance this person may see. */
    public List<Map<String, Object>> tasks(String businessKey) {
        return getList("/engine-rest/task?maxResults=" + PAGE + "&processInstanceBusinessKey=" + businessKey);
    }

    /** Submits a task's form as Tasklist does; each value becomes a variable. */
    public ResponseEntity<Map<String, Object>> submitForm(String taskId, Map<String, ?> fields) {
        return post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables(fields)));
    }

    public ResponseEntity<Map<String, Object>> complete(String taskId, Map<String, ?> fields) {
        return post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables(fields)));
    }

    /**
     * Runs the process instance's asynchronous continuations until none is left, as the job
     * executor would (the tests run without one); timers are left alone.
     */
    public void runAsyncContinuations(String processInstanceId) {
        List<Map<String, Object>> jobs;
        while (!(jobs = getList("/engine-rest/job?messages=true&maxResults=" + PAGE + "&processInstanceId=" + processInstanceId)).isEmpty()) {
            jobs.forEach(this::execute);
        }
    }

    /** Fires the timer waiting at an activity now, whatever its due date, then what follows it. */
    public void fireTimer(String processInstanceId, String activityId) {
        List<Map<String, Object>> timers = getList("/engine-rest/job?timers=true&maxResults=" + PAGE + "&activityId=" + activityId
                + "&processInstanceId=" + processInstanceId);
        if (timers.size() != 1) {
            throw new AssertionError("Expected one timer at " + activityId + " but found " + timers);
        }
        execute(timers.get(0));
        runAsyncContinuations(processInstanceId);
    }

    private void execute(Map<String, Object> job) {
        ResponseEntity<Map<String, Object>> executed = post("/engine-rest/job/" + job.get("id") + "/execute", null);
        if (!executed.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("Job " + job + " failed: " + executed.getBody());
        }
    }

    private static Map<String, Object> variables(Map<String, ?> fields) {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
