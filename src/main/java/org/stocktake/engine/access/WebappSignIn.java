package org.stocktake.engine.access;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for Stocktake's pages and the Camunda webapps. Spring Security signs people in on
 * Stocktake's sign-in page and guards {@code /camunda/**}; Camunda's container-based
 * authentication then takes the person signed in as the webapps' user (their groups and
 * authorizations come from the engine, as always), so Tasklist never shows its own sign-in.
 * Tasklist's sign-out ends the whole session, not only the webapps' part of it, and its script
 * ({@code app/tasklist/scripts/stocktake.js}) then takes the browser to Stocktake's sign-in page.
 * <p>
 * While first-user setup is wanted ({@code stocktake.admin.first-user-setup}), there is nobody to
 * sign in yet: the webapps keep their own sign-in, and Camunda Admin its setup page.
 */
@Configuration
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "stocktake.admin.first-user-setup", havingValue = false, matchIfMissing = true)
class WebappSignIn {

    /** After Spring Security's filters, which put the signed-in person on the request. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("webapp-container-authentication");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WholeSessionSignOut> webappSignOut(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<WholeSessionSignOut> registration = new FilterRegistrationBean<>(new WholeSessionSignOut());
        registration.setName("webapp-sign-out");
        registration.addUrlPatterns(webappPath + "/api/admin/auth/user/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /**
     * Tasklist's sign-out ({@code POST .../auth/user/{engine}/logout}, behind the webapps' CSRF
     * check) removes only the webapps' record of the person; the session it leaves would sign them
     * straight back in. Once it succeeds, the session ends.
     */
    static final class WholeSessionSignOut extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout") && response.getStatus() < 300) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
        }
    }
}
