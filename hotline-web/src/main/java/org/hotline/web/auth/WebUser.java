package org.hotline.web.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One line of the users file: {@code name:role[,role…]:pbkdf2-sha256$ITERATIONS$SALT$HASH}.
 *
 * @param name     what the user signs in with, and what alert changes record as {@code by}
 * @param roles    at least one
 * @param password the hash of the password
 */
public record WebUser(String name, Set<Role> roles, PasswordHash password) {
    /** No colon (it ends the name in the file and in Basic credentials), no white space, no leading {@code #}. */
    private static final Pattern NAME = Pattern.compile("[^\\p{javaWhitespace}:#][^\\p{javaWhitespace}:]*");
    /** As long as an alert's {@code by} may be. */
    public static final int MAX_NAME_CHARS = 100;

    /** @throws IllegalArgumentException for a name the file cannot hold, or no roles */
    public WebUser {
        Objects.requireNonNull(password, "password");
        check(name, roles);
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /**
     * What the constructor checks, for a caller that wants to know before it asks for the password.
     *
     * @throws IllegalArgumentException for a name the file cannot hold, or no roles
     */
    public static void check(String name, Set<Role> roles) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty user name");
        }
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("user name '" + name + "' must be at most " + MAX_NAME_CHARS
                    + " characters without ':' or white space, and not start with '#'");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("user " + name + " needs a role: operator, analyst or both");
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with the line */
    public static WebUser parse(String line) {
        String[] fields = line.split(":", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("expected name:role[,role…]:" + PasswordHash.SCHEME
                    + "$ITERATIONS$SALT$HASH (3 fields separated by ':'), not " + fields.length);
        }
        return new WebUser(fields[0].strip(), parseRoles(fields[1]), PasswordHash.parse(fields[2].strip()));
    }

    /** {@code operator,analyst} → both; blank → none. */
    public static Set<Role> parseRoles(String names) {
        List<Role> roles = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                roles.add(Role.parse(name));
            }
        }
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** {@code operator,analyst}. */
    public String roleNames() {
        return roles.stream().map(Role::wireName).collect(Collectors.joining(","));
    }

    /** The users file's line. */
    public String line() {
        return name + ":" + roleNames() + ":" + password.encoded();
    }
}
