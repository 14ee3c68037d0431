package org.stocktake.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the HTTP Basic APIs ({@code /api} and {@code /engine-rest}) say to a browser. They are for
 * scripts, and a browser that once typed a password into its Basic dialog sends it with every
 * request it makes to the site, including one a page elsewhere makes it send. So:
 * <ul>
 * <li>a request another site made the browser send is refused with 403: its {@code Sec-Fetch-Site}
 * says so, or its {@code Origin} is not this site's;</li>
 * <li>a browser gets 401 without a Basic challenge, so it never offers its password dialog and
 * never keeps a password for the site; scripts get the challenge as usual.</li>
 * </ul>
 * People use Tasklist and the report pages, which have their own sign-in and CSRF protection.
 */
class BrowserRequests extends OncePerRequestFilter {

    /** What a browser says of a request another site, or a sibling site, made it send. */
    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"type\":\"AccessDenied\",\"message\":\"A request another site makes your browser send is "
                    + "refused. Use Stocktake's own pages, or call the API from a script.\"}");
            return;
        }
        chain.doFilter(request, fromABrowser(request) ? withoutBasicChallenge(response) : response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && OTHER_SITES.contains(site)) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** This site as the browser addresses it: scheme, host and port, as a trusted proxy forwards them. */
    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(request.getScheme()) && port == 443) || ("http".equals(request.getScheme()) && port == 80);
        return URI.create(request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)).toString();
    }

    /** Browsers send Sec-Fetch-Mode with every request (older ones at least ask for HTML when they navigate). */
    private static boolean fromABrowser(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader("Sec-Fetch-Mode") != null || (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE));
    }

    private static HttpServletResponse withoutBasicChallenge(HttpServletResponse response) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!isBasicChallenge(name, value)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!isBasicChallenge(name, value)) {
                    super.addHeader(name, value);
                }
            }
        };
    }

    private static boolean isBasicChallenge(String name, String value) {
        return HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name) && value != null && value.regionMatches(true, 0, "Basic", 0, 5);
    }
}
