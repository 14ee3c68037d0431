package org.stocktake.engine.access;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.stocktake.security.Directory;
import org.stocktake.security.Roles;

/**
 * The {@code ldap} profile: people and groups come from LDAP or Active Directory, read-only, with
 * Camunda's LDAP identity plugin; settings under {@code stocktake.ldap} (application-ldap.yml).
 * Organisations are directory groups whose type attribute says {@value Roles#ORGANISATION_TYPE};
 * the role groups must exist in the directory under their ids. Authorizations stay in Stocktake's
 * database; the directory group named by {@code stocktake.ldap.administrator-group} may do
 * everything.
 */
@Configuration
@Profile("ldap")
class LdapIdentityConfiguration {

    @Bean
    @ConfigurationProperties("stocktake.ldap")
    LdapIdentityProviderPlugin ldapIdentityProvider() {
        return new LdapIdentityProviderPlugin();
    }

    @Bean
    AdministratorAuthorizationPlugin ldapAdministrators(@Value("${stocktake.ldap.administrator-group}") String administratorGroup) {
        AdministratorAuthorizationPlugin administrators = new AdministratorAuthorizationPlugin();
        administrators.setAdministratorGroupName(administratorGroup);
        return administrators;
    }
}
