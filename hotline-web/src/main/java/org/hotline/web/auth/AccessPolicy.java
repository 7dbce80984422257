package org.hotline.web.auth;

import java.util.Map;
import java.util.Optional;

/**
 * Which role each page and endpoint needs: operators the console ({@code /}), {@code /api/suggest} and
 * {@code /api/similar}; analysts the dashboard ({@code /dashboard}), {@code /api/trends} and {@code /api/alerts…}.
 * The pages' scripts and style ({@code /static/…}) are shared, and unknown paths stay 404s, so any signed-in
 * user may ask for those. A new page or endpoint needs its entry here.
 */
public final class AccessPolicy {
    private static final Map<String, Role> PAGES = Map.of("/", Role.OPERATOR, "/dashboard", Role.ANALYST);
    /** Endpoints, with their sub-paths. */
    private static final Map<String, Role> ENDPOINTS = Map.of(
            "/api/suggest", Role.OPERATOR,
            "/api/similar", Role.OPERATOR,
            "/api/trends", Role.ANALYST,
            "/api/alerts", Role.ANALYST);

    private AccessPolicy() {}

    /** The role a request for {@code path} (decoded, as the server routes it) needs; empty: any signed-in user. */
    public static Optional<Role> requiredRole(String path) {
        if (PAGES.containsKey(path)) {
            return Optional.of(PAGES.get(path));
        }
        return ENDPOINTS.entrySet().stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public static boolean allows(WebUser user, String path) {
        return requiredRole(path).map(user::has).orElse(true);
    }
}
