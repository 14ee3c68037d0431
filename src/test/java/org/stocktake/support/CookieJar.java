package org.stocktake.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The cookies a server has set, sent back with each request as a browser does (the test client keeps none itself). */
final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    void keep(ResponseEntity<?> response) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (set != null) {
            set.stream().map(cookie -> cookie.split(";")[0]).forEach(cookie -> {
                int equals = cookie.indexOf('=');
                cookies.put(cookie.substring(0, equals), cookie.substring(equals + 1));
            });
        }
    }

    String get(String name) {
        return cookies.get(name);
    }

    /** Adds the {@code Cookie} header, if any cookie was set. */
    void sendWith(HttpHeaders headers) {
        if (!cookies.isEmpty()) {
            headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
    }
}
