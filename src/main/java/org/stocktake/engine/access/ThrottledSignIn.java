package org.stocktake.engine.access;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.stocktake.security.VerifiedCredentials;

/**
 * Every password check goes through {@link SignInThrottle}: the webapps' sign-in, HTTP Basic on
 * {@code /engine-rest} and {@code /api}, the report pages' sign-in and a password change all ask
 * the engine's identity service, whichever directory is behind it (the database, or LDAP). The
 * address is the request's, as a trusted proxy forwards it ({@code STOCKTAKE_TRUSTED_PROXIES}); a
 * check outside a request (the command line) counts as from {@value #NO_REQUEST}. A password that
 * passes the throttle and was verified a moment ago is not checked again ({@link VerifiedCredentials}).
 * <p>
 * The engine's own per-person lock is switched off in application.yml ({@code login-*}): it is
 * what let anyone lock anyone out.
 */
@Component
class ThrottledSignIn extends AbstractProcessEnginePlugin {

    static final String NO_REQUEST = "local";

    private final SignInThrottle throttle;
    private final Clock clock;
    private final Counter wrongPasswords;
    private final Counter refused;
    /** Looked up at the first sign-in: it needs the database the engine is still being configured on. */
    private final ObjectProvider<VerifiedCredentials> verifiedCredentials;

    ThrottledSignIn(SignInSettings settings, Clock clock, MeterRegistry metrics, ObjectProvider<VerifiedCredentials> verifiedCredentials) {
        this.throttle = new SignInThrottle(settings);
        this.verifiedCredentials = verifiedCredentials;
        this.clock = clock;
        this.wrongPasswords = failures(metrics, "wrong_password");
        this.refused = failures(metrics, "throttled");
    }

    /** Sign-ins refused, on every door (pages, /api, /engine-rest, the webapps), by why: for Prometheus. */
    private static Counter failures(MeterRegistry metrics, String reason) {
        return Counter.builder("stocktake.sign.in.failures").description("Sign-ins refused: a wrong password, or an address throttled")
                .tag("reason", reason).register(metrics);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityService(new IdentityServiceImpl() {
            @Override
            public boolean checkPassword(String userId, String password) {
                String address = currentAddress();
                if (throttle.refuses(userId, address, clock.instant())) {
                    refused.increment();
                    return false;
                }
                boolean right = password != null
                        && verifiedCredentials.getObject().verify(userId, password, () -> super.checkPassword(userId, password));
                if (right) {
                    throttle.succeeded(userId, address);
                } else {
                    wrongPasswords.increment();
                    throttle.failed(userId, address, clock.instant());
                }
                return right;
            }
        });
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return NO_REQUEST;
    }
}
