package org.hotline.web.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may open: operators the console and its calls, analysts the dashboard and its calls. */
public enum Role {
    OPERATOR,
    ANALYST;

    /** As the users file and the command line write it: {@code operator}, {@code analyst}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known roles */
    public static Role parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.wireName().equals(wanted)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "': use "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(" or ")));
    }
}
