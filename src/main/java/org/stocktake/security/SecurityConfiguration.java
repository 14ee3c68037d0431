package org.stocktake.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Nothing answers without credentials. {@code /api} is guarded by Spring Security with HTTP Basic
 * against the engine's users; {@code /engine-rest} by Camunda's own authentication filter, so the
 * engine's authorizations apply to every call; the webapps keep their own login and CSRF filter.
 * Neither Basic API answers a request another site made a browser send, or challenges a browser
 * for a password ({@link BrowserRequests}); Cockpit's and Admin's own APIs answer administrators
 * only ({@link WebappPluginFence}). The engine's API, on both its doors, is fenced by the engine
 * module: only what each person's role needs.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/reviews", "/api/reviews/*/recommendations")
                        .hasAnyAuthority(Roles.SECRETARIAT, Roles.CAMUNDA_ADMIN)
                        .requestMatchers("/api/imports/**").hasAnyAuthority(Roles.SECRETARIAT, Roles.CAMUNDA_ADMIN)
                        // what is open to anyone is the secretariat's decision
                        .requestMatchers(HttpMethod.POST, "/api/reviews/*/publish", "/api/reviews/*/unpublish").hasAuthority(Roles.SECRETARIAT)
                        // a response link answers for an organisation without signing in: only the secretariat sends one
                        .requestMatchers("/api/recommendations/*/response-links", "/api/recommendations/*/response-links/**")
                        .hasAuthority(Roles.SECRETARIAT)
                        // due dates move only through here, with a reason; the engine's API refuses it to everyone else
                        .requestMatchers(HttpMethod.PUT, "/api/tasks/*/due-date").hasAuthority(Roles.SECRETARIAT)
                        // the secretariat changes the escalation and assurance policies; those who oversee may read them
                        .requestMatchers(HttpMethod.PUT, "/api/policies/**").hasAnyAuthority(Roles.SECRETARIAT, Roles.CAMUNDA_ADMIN)
                        .requestMatchers("/api/policies/**").hasAnyAuthority(Roles.SECRETARIAT, Roles.OVERSIGHT_BOARD,
                                Roles.OBSERVER, Roles.CAMUNDA_ADMIN)
                        // the quarterly packs as produced hold every restricted note: the board and the secretariat only
                        .requestMatchers("/api/board-packs/**").hasAnyAuthority(Roles.SECRETARIAT, Roles.OVERSIGHT_BOARD,
                                Roles.CAMUNDA_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a stateless Basic-auth API sets no cookie a forged request could ride on
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Published reviews ({@code /public/reviews/...}) for anyone, signed in or not: read only, no
     * session. What is published is the secretariat's decision (ReviewService.publish); an
     * unpublished review is not found there.
     */
    @Bean
    SecurityFilterChain publishedReviews(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/public/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/public/reviews/**").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * A person's authorities are the engine's group ids as they are ("camunda-admin"), without
     * Spring's "ROLE_" prefix: so asking whether someone is in a role (as the health endpoint does
     * for its details) asks for the group itself.
     */
    @Bean
    static GrantedAuthorityDefaults groupsAreRoles() {
        return new GrantedAuthorityDefaults("");
    }

    /**
     * Spring Boot Actuator ({@code /actuator}): health for anyone (a load balancer asks it; it says
     * UP or DOWN, its details only to administrators), info and the Prometheus metrics for the
     * {@code monitoring} group (a scraper's user, which the engine grants nothing) and
     * camunda-admin, with HTTP Basic as for the API.
     */
    @Bean
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // a scraper's own group, with no grant in the engine: its password opens nothing else
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/info")
                        .hasAnyAuthority(Roles.MONITORING, Roles.CAMUNDA_ADMIN)
                        .anyRequest().hasAuthority(Roles.CAMUNDA_ADMIN))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The forms response links open ({@code /respond/{token}}), for someone without an account: the
     * token in the address is the only credential, bound to one organisation's one task, single
     * use and expiring (ResponseLinkService). No session and no cookie, so there is nothing for
     * another site's forged request to ride on.
     */
    @Bean
    SecurityFilterChain responseForms(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/respond/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/respond/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/respond/*").permitAll()
                        .anyRequest().denyAll())
                // the token is in the address: no page under it, error pages included, passes it on to another site
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The report pages ({@code /reports}) for people with a browser: a sign-in form against the
     * same engine users, a session, and CSRF protection; the same roles as the API.
     */
    @Bean
    SecurityFilterChain reportPages(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/", "/reports/**", "/reports", "/login", "/logout")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/reports/board-packs/**").hasAnyAuthority(Roles.SECRETARIAT, Roles.OVERSIGHT_BOARD,
                                Roles.CAMUNDA_ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }

    /**
     * The Camunda webapps ({@code /camunda/**}) behind the same sign-in as the report pages: a
     * browser without a session is sent to it, a webapp's API call without one gets 401. The
     * engine module hands the person signed in to the webapps (WebappSignIn), and the webapps'
     * own CSRF filter guards their API. While first-user setup is wanted, the webapps keep their
     * own sign-in instead.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "stocktake.admin.first-user-setup", havingValue = false, matchIfMissing = true)
    SecurityFilterChain webapps(HttpSecurity http, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
        return http
                // matched on the whole path: the webapps' engine API is a servlet of its own, which a plain pattern would miss
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(webappPath + "/**"))
                .authorizeHttpRequests(requests -> requests
                        // the webapps' own sign-in would check passwords beside Stocktake's and start a session of its own
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/login/**"))
                        .denyAll()
                        .anyRequest().authenticated())
                .exceptionHandling(refusal -> refusal
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher(webappPath + "/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                // the webapps' own CSRF filter checks every change they make (X-XSRF-TOKEN)
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The request on the thread before Spring Security's filters, as Spring MVC puts it there only
     * later: the engine's sign-in throttle counts wrong passwords by the request's address, and
     * without it a password typed on the sign-in page counted as from nowhere in particular, so an
     * address refused everywhere else could go on guessing there.
     */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestOnTheThread() {
        FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(new RequestContextFilter());
        registration.setName("request-on-the-thread");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    /** Before Spring Security's filters and the engine's authentication, so neither sends a browser a Basic challenge. */
    @Bean
    FilterRegistrationBean<BrowserRequests> browserRequests() {
        FilterRegistrationBean<BrowserRequests> registration = new FilterRegistrationBean<>(new BrowserRequests());
        registration.setName("browser-requests");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappPluginFence> webappPluginFence(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<WebappPluginFence> registration = new FilterRegistrationBean<>(new WebappPluginFence(webappPath));
        registration.setName("webapp-plugin-fence");
        registration.addUrlPatterns(webappPath + "/api/cockpit/*", webappPath + "/api/admin/plugin/*");
        return registration;
    }
}
