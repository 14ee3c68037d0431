package org.stocktake.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One person signed in to Tasklist, calling the engine through the webapps' own door,
 * {@code /camunda/api/engine/engine/default/...}, with the session cookie and the CSRF token the
 * webapps hand out, exactly as Tasklist's pages do.
 */
public final class WebappSession {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final TestRestTemplate http;
    private final CookieJar cookies = new CookieJar();

    private WebappSession(TestRestTemplate http) {
        this.http = http;
    }

    /** Someone who has opened Tasklist's sign-in page but not signed in: a session and its CSRF token. */
    public static WebappSession anonymous(TestRestTemplate http) {
        WebappSession session = new WebappSession(http);
        session.cookies.keep(http.getForEntity("/camunda/app/tasklist/default/", String.class));
        return session;
    }

    /** Signs in to Tasklist as this person, as its login page does. */
    public static WebappSession signIn(TestRestTemplate http, String userId, String password) {
        WebappSession session = anonymous(http);
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=" + userId + "&password=" + password, headers), String.class);
        if (login.getStatusCode() != HttpStatus.OK) {
            throw new AssertionError("Could not sign " + userId + " in to Tasklist: " + login.getStatusCode() + " " + login.getBody());
        }
        session.cookies.keep(login);
        // signing in starts a new session; its CSRF token comes with the next page the webapps serve
        session.cookies.keep(http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(session.headers()),
                String.class));
        return session;
    }

    /** Any call through the webapps' engine door; {@code path} is relative to the engine, e.g. {@code /task}. */
    public ResponseEntity<String> engine(HttpMethod method, String path, Object body, MediaType type) {
        return exchange(method, ENGINE_API + path, body, type);
    }

    /** Any call to the webapps, with the session's cookies and CSRF token. */
    public ResponseEntity<String> exchange(HttpMethod method, String path, Object body, MediaType type) {
        HttpHeaders headers = headers();
        if (type != null) {
            headers.setContentType(type);
        }
        ResponseEntity<String> answer = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        cookies.keep(answer);
        return answer;
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        cookies.sendWith(headers);
        if (cookies.get("XSRF-TOKEN") != null) {
            headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        return headers;
    }
}
