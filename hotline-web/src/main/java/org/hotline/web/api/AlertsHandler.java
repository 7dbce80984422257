package org.hotline.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.web.domain.AlertDesk;

/**
 * {@code GET /api/alerts?status=open&kind=COMMON&since=2026-03-01&limit=200} → {@code {"alerts": […]}};
 * {@code POST /api/alerts/{id}/ack|resolve|reopen {"by":…, "note":…}} → {@code {"alert": …}}; a signed-in
 * user's name replaces {@code by}. The store decides which transitions are allowed; a refused one is a 409 with
 * its message.
 */
public final class AlertsHandler implements ApiHandler {
    public static final String PATH = "/api/alerts";
    public static final int MAX_LIST = 1000;
    private static final Map<String, AlertStatus.Transition> ACTIONS = Map.of(
            "ack", AlertStatus.Transition.ACKNOWLEDGE,
            "acknowledge", AlertStatus.Transition.ACKNOWLEDGE,
            "resolve", AlertStatus.Transition.RESOLVE,
            "reopen", AlertStatus.Transition.REOPEN);

    private final AlertDesk alerts;

    public AlertsHandler(AlertDesk alerts) {
        this.alerts = alerts;
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws IOException {
        if (request.path().equals(PATH)) {
            request.requireMethod("GET");
            return list(request);
        }
        String[] parts = request.path().substring(PATH.length() + 1).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || !ACTIONS.containsKey(parts[1])) {
            throw ApiException.notFound("no such endpoint " + request.path() + "; use " + PATH
                    + "/{id}/ack, /resolve or /reopen");
        }
        request.requireMethod("POST");
        return transition(parts[0], ACTIONS.get(parts[1]), request);
    }

    private ApiResponse list(ApiRequest request) throws IOException {
        Map<String, String> query = request.query();
        AlertStore.Filter filter = new AlertStore.Filter(status(query.get("status")), kind(query.get("kind")),
                Params.date(query, "since"), Params.integer(query, "limit", 200, 1, MAX_LIST));
        List<AlertView> views = alerts.list(filter).stream().map(AlertView::of).toList();
        return ApiResponse.ok(Map.of("alerts", views));
    }

    private ApiResponse transition(String id, AlertStatus.Transition transition, ApiRequest request)
            throws IOException {
        ObjectNode body = Json.object(request.body());
        // Signed in, the name is the one that was checked, not one the page could claim.
        String by = request.user() != null ? request.user() : Json.text(body, "by", 100);
        String note = Json.text(body, "note", 2000);
        try {
            StoredAlert changed = alerts.transition(id, transition, by, note);
            return ApiResponse.ok(Map.of("alert", AlertView.of(changed)));
        } catch (IllegalStateException | ConcurrentModificationException refused) {
            throw new ApiException(409, refused.getMessage());
        } catch (IllegalArgumentException missing) {
            throw ApiException.notFound(missing.getMessage());
        }
    }

    private static AlertStatus status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AlertStatus.parse(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static AlertKind kind(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AlertKind.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unknown alert kind '" + name + "' (" + List.of(AlertKind.values()) + ")");
        }
    }
}
