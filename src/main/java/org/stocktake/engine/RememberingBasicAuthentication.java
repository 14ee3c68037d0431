package org.stocktake.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.stocktake.security.VerifiedCredentials;

/**
 * {@code /engine-rest}'s HTTP Basic sign-in, as Camunda's own filter does it, except that a
 * password verified a moment ago is not checked against the engine again, and the person's groups
 * and tenants come with it ({@link VerifiedCredentials}): Camunda's filter would otherwise check
 * the password and read both on every call.
 */
final class RememberingBasicAuthentication extends ProcessEngineAuthenticationFilter {

    RememberingBasicAuthentication(VerifiedCredentials verifiedCredentials) {
        this.authenticationProvider = new Provider(verifiedCredentials);
    }

    @Override
    public void init(FilterConfig filterConfig) {
        servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
    }

    static final class Provider extends HttpBasicAuthenticationProvider {

        private final VerifiedCredentials verifiedCredentials;

        Provider(VerifiedCredentials verifiedCredentials) {
            this.verifiedCredentials = verifiedCredentials;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
                return AuthenticationResult.unsuccessful();
            }
            String credentials;
            try {
                credentials = new String(Base64.getDecoder().decode(header.substring(BASIC_AUTH_HEADER_PREFIX.length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return AuthenticationResult.unsuccessful();
            }
            int colon = credentials.indexOf(':');
            if (colon < 0) {
                return AuthenticationResult.unsuccessful();
            }
            String userId = credentials.substring(0, colon);
            String password = credentials.substring(colon + 1);
            return verifiedCredentials.verify(userId, password, () -> verify(engine.getIdentityService(), userId, password))
                    .map(verified -> {
                        AuthenticationResult result = AuthenticationResult.successful(userId);
                        result.setGroups(verified.groups());
                        // null when the entry came from /api's sign-in: the filter then reads them itself
                        result.setTenants(verified.tenants());
                        return result;
                    })
                    .orElseGet(() -> AuthenticationResult.unsuccessful(userId));
        }

        private static Optional<VerifiedCredentials.Verified> verify(IdentityService identity, String userId, String password) {
            if (!identity.checkPassword(userId, password)) {
                return Optional.empty();
            }
            List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
            List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                    .map(Tenant::getId).toList();
            return Optional.of(new VerifiedCredentials.Verified(userId, groups, tenants));
        }
    }
}
