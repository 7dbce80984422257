package org.hotline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final int FAST = PasswordHash.MIN_ITERATIONS;

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        PasswordHash hash = PasswordHash.create("春天里的路灯".toCharArray(), FAST);

        assertThat(hash.matches("春天里的路灯".toCharArray())).isTrue();
        assertThat(hash.matches("春天里的路灯 ".toCharArray())).isFalse();
        assertThat(hash.matches("".toCharArray())).isFalse();
    }

    @Test
    void theEncodedFormRoundTripsWithItsIterations() {
        PasswordHash hash = PasswordHash.create("secret".toCharArray(), 1234);

        String encoded = hash.encoded();
        PasswordHash parsed = PasswordHash.parse(encoded);

        assertThat(encoded).startsWith("pbkdf2-sha256$1234$");
        assertThat(parsed.iterations()).isEqualTo(1234);
        assertThat(parsed.matches("secret".toCharArray())).isTrue();
        assertThat(parsed.encoded()).isEqualTo(encoded);
    }

    @Test
    void theSaltIsRandom() {
        PasswordHash one = PasswordHash.create("secret".toCharArray(), FAST);
        PasswordHash two = PasswordHash.create("secret".toCharArray(), FAST);

        assertThat(one.encoded()).isNotEqualTo(two.encoded());
    }

    @Test
    void aTamperedHashSaltOrIterationCountNoLongerMatches() {
        String[] parts = PasswordHash.create("secret".toCharArray(), FAST).encoded().split("\\$");
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        hash[0] ^= 1;
        String tamperedHash = parts[0] + "$" + parts[1] + "$" + parts[2] + "$"
                + Base64.getEncoder().encodeToString(hash);
        String otherSalt = parts[0] + "$" + parts[1] + "$" + Base64.getEncoder().encodeToString(new byte[16]) + "$"
                + parts[3];
        String moreIterations = parts[0] + "$" + (FAST + 1) + "$" + parts[2] + "$" + parts[3];

        assertThat(PasswordHash.parse(tamperedHash).matches("secret".toCharArray())).isFalse();
        assertThat(PasswordHash.parse(otherSalt).matches("secret".toCharArray())).isFalse();
        assertThat(PasswordHash.parse(moreIterations).matches("secret".toCharArray())).isFalse();
    }

    @Test
    void malformedHashesSayWhatIsWrong() {
        String salt = Base64.getEncoder().encodeToString(new byte[16]);
        String hash = Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> PasswordHash.parse("bcrypt$10$" + salt + "$" + hash))
                .hasMessageContaining("must look like pbkdf2-sha256$ITERATIONS$SALT$HASH");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$many$" + salt + "$" + hash))
                .hasMessage("iterations 'many' are not a whole number");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$10$" + salt + "$" + hash))
                .hasMessage("iterations must be from 1000 to 10000000, not 10");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$%%$" + hash))
                .hasMessageStartingWith("the salt is not Base64");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$" + salt + "$" + salt))
                .hasMessage("the hash has 16 bytes, not 32");
        assertThatThrownBy(() -> PasswordHash.create(new char[0], FAST)).hasMessage("empty password");
    }

    @Test
    void newHashesUseTheDefaultIterations() {
        assertThat(PasswordHash.create("secret".toCharArray()).iterations()).isEqualTo(600_000);
    }
}
