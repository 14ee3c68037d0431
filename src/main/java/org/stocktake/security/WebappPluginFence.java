package org.stocktake.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's and Camunda Admin's own APIs ({@code /camunda/api/cockpit/plugin/...} and
 * {@code /camunda/api/admin/plugin/...}) answer administrators only. The webapps let any signed-in
 * person call them, though only administrators may open Cockpit and Admin; their queries reach
 * across the engine. Their scripts and styles ({@code .../static/...}) stay open, as the webapps
 * load them before anyone signs in.
 */
class WebappPluginFence extends OncePerRequestFilter {

    private static final Pattern STATIC = Pattern.compile("/api/(cockpit|admin)/plugin/[^/]+/static/.*");

    private final String webappPath;

    WebappPluginFence(String webappPath) {
        this.webappPath = webappPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + webappPath.length());
        if (STATIC.matcher(path).matches() || isAdministrator(request.getSession(false))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"type\":\"AccessDenied\",\"message\":\"Cockpit's and Admin's own calls are for administrators only.\"}");
    }

    private static boolean isAdministrator(HttpSession session) {
        if (session == null) {
            return false;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications != null && authentications.getAuthentications().stream()
                .anyMatch(person -> person.getGroupIds() != null && person.getGroupIds().contains(Roles.CAMUNDA_ADMIN));
    }
}
