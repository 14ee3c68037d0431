package org.stocktake.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One person signed in to the webapps, calling the engine through their own door,
 * {@code /camunda/api/engine/engine/default/...}, with the session cookie and the CSRF token the
 * webapps hand out, exactly as Tasklist's pages do.
 */
public final class WebappSession {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final TestRestTemplate http;
    private final CookieJar cookies;

    private WebappSession(TestRestTemplate http, CookieJar cookies) {
        this.http = http;
        this.cookies = cookies;
    }

    /** A browser that has signed in to nothing. */
    public static WebappSession anonymous(TestRestTemplate http) {
        return new WebappSession(http, new CookieJar());
    }

    /**
     * Signs in on Stocktake's sign-in page, the one door to the webapps too, then opens Tasklist,
     * which hands out the webapps' CSRF token.
     */
    public static WebappSession signIn(TestRestTemplate http, String userId, String password) {
        return openedFrom(http, PageSession.signIn(http, userId, password));
    }

    /** Opens Tasklist in the browser session of Stocktake's pages, as the header's link does. */
    public static WebappSession openedFrom(TestRestTemplate http, PageSession pages) {
        WebappSession session = new WebappSession(http, pages.cookies());
        ResponseEntity<String> tasklist = session.exchange(HttpMethod.GET, "/camunda/app/tasklist/default/", null, null);
        if (tasklist.getStatusCode() != HttpStatus.OK || session.cookies.get("XSRF-TOKEN") == null) {
            throw new AssertionError("Could not open Tasklist: " + tasklist.getStatusCode() + " " + tasklist.getHeaders());
        }
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
