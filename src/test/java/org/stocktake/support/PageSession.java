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
    private final String address;
    private final CookieJar cookies = new CookieJar();

    private PageSession(TestRestTemplate http, String address) {
        this.http = http.withRedirects(Redirects.DONT_FOLLOW);
        this.address = address;
    }

    /** A browser that has signed in to nothing. */
    public static PageSession anonymous(TestRestTemplate http) {
        return new PageSession(http, null);
    }

    /** A browser at this address, as a trusted proxy forwards it (X-Forwarded-For). */
    public static PageSession from(TestRestTemplate http, String address) {
        return new PageSession(http, address);
    }

    public static PageSession signIn(TestRestTemplate http, String userId, String password) {
        PageSession session = anonymous(http);
        if (!session.signInAs(userId, password)) {
            throw new AssertionError("Could not sign " + userId + " in");
        }
        return session;
    }

    /** Fills in and sends the sign-in form; true when it signed the person in. */
    public boolean signInAs(String userId, String password) {
        ResponseEntity<String> answer = post("/login", "username=" + userId + "&password=" + password + "&_csrf=" + csrfTokenOf("/login"));
        return answer.getStatusCode().is3xxRedirection() && !String.valueOf(answer.getHeaders().getLocation()).contains("error");
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

    /** The session's cookies, for a test that goes on to the webapps with it. */
    CookieJar cookies() {
        return cookies;
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
        if (address != null) {
            headers.add("X-Forwarded-For", address);
        }
        cookies.sendWith(headers);
        if (form != null) {
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        ResponseEntity<String> answer = http.exchange(path, method, new HttpEntity<>(form, headers), String.class);
        cookies.keep(answer);
        return answer;
    }
}
