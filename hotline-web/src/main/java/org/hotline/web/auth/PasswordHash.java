package org.hotline.web.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash as the users file stores it:
 * {@code pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64} (standard Base64). JDK crypto only.
 */
public final class PasswordHash {
    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); about 0.15 s on one core. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** RFC 8018's floor. */
    static final int MIN_ITERATIONS = 1_000;
    /** A typo in the file must not make every sign-in take minutes. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** A new hash of {@code password} with a random salt and {@link #DEFAULT_ITERATIONS}. */
    public static PasswordHash create(char[] password) {
        return create(password, DEFAULT_ITERATIONS);
    }

    /** @throws IllegalArgumentException for an empty password or iterations out of range */
    public static PasswordHash create(char[] password, int iterations) {
        if (password.length == 0) {
            throw new IllegalArgumentException("empty password");
        }
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code encoded} */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("the password hash must look like " + SCHEME
                    + "$ITERATIONS$SALT$HASH (made by `hotline users add`)");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations '" + parts[1] + "' are not a whole number");
        }
        checkIterations(iterations);
        byte[] salt = base64("salt", parts[2]);
        byte[] hash = base64("hash", parts[3]);
        if (salt.length < 8) {
            throw new IllegalArgumentException("the salt has " + salt.length + " bytes, at least 8 are needed");
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the hash has " + hash.length + " bytes, not " + HASH_BYTES);
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /** Whether {@code password} is the one hashed; compares in constant time. */
    public boolean matches(char[] password) {
        return password.length > 0 && MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    public int iterations() {
        return iterations;
    }

    /** The users file's form. */
    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from " + MIN_ITERATIONS + " to " + MAX_ITERATIONS
                    + ", not " + iterations);
        }
    }

    private static byte[] base64(String what, String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not Base64: " + e.getMessage());
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
