package org.stocktake.support;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A person's browser on Stocktake's pages, as plain HTTP: it signs in with the sign-in form (its
 * CSRF token included), keeps the session cookie and asks for HTML, as a browser navigating does.
 * Redirects are not followed, so a test sees where a page sends the browser.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final TestRestTemplate http;
    private final CookieJar cookies = new CookieJar();

    private PageSession(TestRestTemplate http) {
        this.http = http.withRedirects(Redirects.DONT_FOLLOW);
    }

    /** A browser that has signed in to nothing. */
    public static PageSession anonymous(TestRestTemplate http) {
        return new PageSession(http);
    }

    public static PageSession signIn(TestRestTemplate http, String userId, String password) {
        PageSession session = new PageSession(http);
        ResponseEntity<String> signedIn = session.post("/login", "username=" + userId + "&password=" + password
                + "&_csrf=" + session.csrfTokenOf("/login"));
        String location = String.valueOf(signedIn.getHeaders().getLocation());
        if (!signedIn.getStatusCode().is3xxRedirection() || location.contains("error")) {
            throw new AssertionError("Could not sign " + userId + " in: " + signedIn.getStatusCode() + " to " + location);
        }
        return session;
    }

    /** Signs out as the header's button does, and returns where the browser is sent. */
    public ResponseEntity<String> signOut() {
        return post("/logout", "_csrf=" + csrfTokenOf("/reports"));
    }

    /** The CSRF token a page's form carries. */
    private String csrfTokenOf(String path) {
        String page = get(path).getBody();
        Matcher token = CSRF.matcher(page == null ? "" : page);
        if (!token.find()) {
            throw new AssertionError(path + " has no CSRF token: " + page);
        }
        return token.group(1);
    }

    /** A page, as a browser navigating to it asks for it. */
    public ResponseEntity<String> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public ResponseEntity<String> post(String path, String form) {
        return exchange(HttpMethod.POST, path, form);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        cookies.sendWith(headers);
        if (form != null) {
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        ResponseEntity<String> answer = http.exchange(path, method, new HttpEntity<>(form, headers), String.class);
        cookies.keep(answer);
        return answer;
    }
}
