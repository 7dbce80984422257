package org.hotline.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a user name and password against the users file. Basic authentication sends them with every request,
 * and the console calls the API as the operator types, so PBKDF2 runs once per user and password: after that a
 * keyed SHA-256 (key random per process) of what was verified is enough.
 */
public final class Logins {
    private final WebUsers users;
    private final SecretKeySpec key;
    /** User name → keyed digest of the last password PBKDF2 accepted for it. */
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    /** Checked for unknown names, so that they take as long as a wrong password of a known one. */
    private final PasswordHash decoy;

    public Logins(WebUsers users) {
        this.users = users;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.decoy = PasswordHash.create("decoy".toCharArray(), decoyIterations(users));
    }

    /** The user, when {@code password} is theirs. */
    public Optional<WebUser> verify(String name, String password) {
        Optional<WebUser> user = users.get(name);
        if (user.isEmpty()) {
            decoy.matches(password.toCharArray());
            return Optional.empty();
        }
        byte[] digest = digest(name, password);
        byte[] known = verified.get(name);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return user;
        }
        if (!user.get().password().matches(password.toCharArray())) {
            return Optional.empty();
        }
        verified.put(name, digest);
        return user;
    }

    public WebUsers users() {
        return users;
    }

    private static int decoyIterations(WebUsers users) {
        return users.all().stream().mapToInt(u -> u.password().iterations()).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
    }

    private byte[] digest(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute HmacSHA256", e);
        }
    }
}
