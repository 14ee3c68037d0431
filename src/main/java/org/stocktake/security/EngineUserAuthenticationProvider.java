package org.stocktake.security;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs in {@code /api} callers against the engine's own users (the ones Camunda Admin manages),
 * so one account works in Tasklist, the engine REST API and ours. Each engine group the user is
 * a member of becomes an authority named by the group id. A password verified a moment ago is
 * not checked again ({@link VerifiedCredentials}).
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final VerifiedCredentials verifiedCredentials;

    EngineUserAuthenticationProvider(IdentityService identityService, VerifiedCredentials verifiedCredentials) {
        this.identityService = identityService;
        this.verifiedCredentials = verifiedCredentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        if (password == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        VerifiedCredentials.Verified verified = verifiedCredentials.verify(userId, password.toString(), () -> {
            // checkPassword counts failed attempts and locks the user for a while, as Tasklist's login does
            if (!identityService.checkPassword(userId, password.toString())) {
                return Optional.empty();
            }
            List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
            return Optional.of(new VerifiedCredentials.Verified(userId, groups, null));
        }).orElseThrow(() -> new BadCredentialsException("Unknown user or wrong password"));
        return UsernamePasswordAuthenticationToken.authenticated(userId, null,
                verified.groups().stream().map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
