package org.stocktake.engine.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.stocktake.security.Roles;

/** The first start needs an administrator: one named in the settings, one stored, or Camunda's first-user set-up on purpose. */
class FirstAdministratorTest {

    @Test
    void aFirstAdministratorWithoutAPasswordStopsTheStart() {
        assertThatThrownBy(() -> new FirstAdministrator(new AdminSettings("root", " ", false)).postProcessEngineBuild(engine(0)))
                .hasMessageContaining("STOCKTAKE_ADMIN_PASSWORD");
    }

    @Test
    void withNoAdministratorNamedOrStoredTheStartIsRefusedUnlessFirstUserSetupIsWanted() {
        assertThatThrownBy(() -> new FirstAdministrator(new AdminSettings(null, null, false)).postProcessEngineBuild(engine(0)))
                .hasMessageContaining("There is no administrator yet").hasMessageContaining("STOCKTAKE_ADMIN_FIRST_USER_SETUP");
        assertThatCode(() -> new FirstAdministrator(new AdminSettings(null, null, true)).postProcessEngineBuild(engine(0)))
                .doesNotThrowAnyException();
        assertThatCode(() -> new FirstAdministrator(new AdminSettings(null, null, false)).postProcessEngineBuild(engine(1)))
                .doesNotThrowAnyException();
    }

    /** An engine whose directory is writable and holds this many administrators. */
    private static ProcessEngine engine(long administrators) {
        ProcessEngine engine = mock(ProcessEngine.class);
        IdentityService identityService = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        when(engine.getIdentityService()).thenReturn(identityService);
        when(identityService.createUserQuery().memberOfGroup(Roles.CAMUNDA_ADMIN).count()).thenReturn(administrators);
        return engine;
    }
}
