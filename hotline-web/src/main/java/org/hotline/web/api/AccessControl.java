package org.hotline.web.api;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hotline.web.auth.AccessPolicy;
import org.hotline.web.auth.Logins;
import org.hotline.web.auth.Role;
import org.hotline.web.auth.WebUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in and roles on the JDK's HTTP server: HTTP Basic against the users file ({@link Logins}), 401 with
 * {@code WWW-Authenticate: Basic realm="hotline", charset="UTF-8"} without valid credentials, then
 * {@link AccessPolicy}: 403 for a user without the path's role ({@code {"error": …}} under {@code /api/}, text
 * for pages). The only place where the server meets the users.
 */
public final class AccessControl {
    public static final String REALM = "hotline";
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private final Logins logins;

    public AccessControl(Logins logins) {
        this.logins = logins;
    }

    /** Serves {@code handler} on {@code context} (created without one) behind sign-in and the role check. */
    public void protect(HttpContext context, HttpHandler handler) {
        context.setAuthenticator(new UsersAuthenticator(logins));
        context.setHandler(new RoleCheck(handler, logins));
    }

    /** The server's own Basic handling (challenge, header parsing, principal), checked against the users file. */
    private static final class UsersAuthenticator extends BasicAuthenticator {
        private final Logins logins;

        UsersAuthenticator(Logins logins) {
            // UTF-8, so that names like 李分析 sign in; browsers send UTF-8 when the challenge asks for it.
            super(REALM, StandardCharsets.UTF_8);
            this.logins = logins;
        }

        @Override
        public Result authenticate(HttpExchange exchange) {
            Result result = super.authenticate(exchange);
            if (result instanceof Retry && exchange.getRequestHeaders().containsKey("Authorization")) {
                LOG.warn("{} {}: wrong user name or password from {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), exchange.getRemoteAddress().getAddress());
            }
            return result;
        }

        @Override
        public boolean checkCredentials(String name, String password) {
            return logins.verify(name, password).isPresent();
        }
    }

    /** Runs after sign-in (the server's filters run before it, so this wraps the handler instead). */
    private static final class RoleCheck implements HttpHandler {
        private final HttpHandler handler;
        private final Logins logins;

        RoleCheck(HttpHandler handler, Logins logins) {
            this.handler = handler;
            this.logins = logins;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            WebUser user = logins.users().get(exchange.getPrincipal().getUsername()).orElseThrow();
            if (AccessPolicy.allows(user, path)) {
                handler.handle(exchange);
                return;
            }
            try (exchange) {
                String message = path + " needs the " + AccessPolicy.requiredRole(path).map(Role::wireName)
                        .orElseThrow() + " role; " + user.name() + " has " + user.roleNames();
                if (path.startsWith("/api/")) {
                    JsonEndpoint.send(exchange, ApiResponse.error(403, message));
                } else {
                    StaticPages.sendText(exchange, 403, "403 forbidden: " + message);
                }
            }
        }
    }
}
