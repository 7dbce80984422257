package org.hotline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private static final PasswordHash HASH = PasswordHash.parse(WebUsersTest.HASH);
    private static final WebUser OPERATOR = new WebUser("op", Set.of(Role.OPERATOR), HASH);
    private static final WebUser ANALYST = new WebUser("an", Set.of(Role.ANALYST), HASH);
    private static final WebUser BOTH = new WebUser("both", Set.of(Role.OPERATOR, Role.ANALYST), HASH);

    @Test
    void theConsoleAndItsCallsAreForOperators() {
        for (String path : new String[] {"/", "/api/suggest", "/api/similar", "/api/similar/x"}) {
            assertThat(AccessPolicy.requiredRole(path)).as(path).contains(Role.OPERATOR);
            assertThat(AccessPolicy.allows(OPERATOR, path)).as(path).isTrue();
            assertThat(AccessPolicy.allows(ANALYST, path)).as(path).isFalse();
            assertThat(AccessPolicy.allows(BOTH, path)).as(path).isTrue();
        }
    }

    @Test
    void theDashboardAndItsCallsAreForAnalysts() {
        for (String path : new String[] {"/dashboard", "/api/trends", "/api/alerts", "/api/alerts/3f2a/ack"}) {
            assertThat(AccessPolicy.requiredRole(path)).as(path).contains(Role.ANALYST);
            assertThat(AccessPolicy.allows(ANALYST, path)).as(path).isTrue();
            assertThat(AccessPolicy.allows(OPERATOR, path)).as(path).isFalse();
            assertThat(AccessPolicy.allows(BOTH, path)).as(path).isTrue();
        }
    }

    @Test
    void sharedAssetsAndUnknownPathsAreForAnySignedInUser() {
        for (String path : new String[] {"/static/app.css", "/static/dashboard.js", "/nothing", "/api/nothing",
            "/api/suggestions", "/api/alertsx", "/dashboard/"}) {
            assertThat(AccessPolicy.requiredRole(path)).as(path).isEqualTo(Optional.empty());
            assertThat(AccessPolicy.allows(OPERATOR, path)).as(path).isTrue();
            assertThat(AccessPolicy.allows(ANALYST, path)).as(path).isTrue();
        }
    }
}
