package org.hotline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoginsTest {
    private final Logins logins = new Logins(WebUsers.parse(List.of("li:analyst:" + WebUsersTest.HASH), "users"));

    @Test
    void theRightPasswordSignsInAgainAndAgain() {
        assertThat(logins.verify("li", "secret")).map(WebUser::name).contains("li");
        assertThat(logins.verify("li", "secret")).as("from the digest of the verified password").isPresent();
    }

    @Test
    void aWrongPasswordOrNameDoesNotEvenAfterTheRightOne() {
        assertThat(logins.verify("li", "Secret")).isEmpty();
        assertThat(logins.verify("li", "secret")).isPresent();
        assertThat(logins.verify("li", "Secret")).isEmpty();
        assertThat(logins.verify("li", "")).isEmpty();
        assertThat(logins.verify("wang", "secret")).isEmpty();
    }
}
