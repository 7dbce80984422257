package org.hotline.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.web.domain.AlertDesk;

/** Alerts in memory, moved by the store's own transition rules; remembers the filters it was asked. */
class FakeAlertDesk implements AlertDesk {
    final Map<String, StoredAlert> alerts = new LinkedHashMap<>();
    final List<AlertStore.Filter> filters = new ArrayList<>();

    static StoredAlert alert(String id, String kind, AlertStatus status) {
        return new StoredAlert(id, kind, "城乡建设/供热", List.of("江滨区", "青山区"), "2026-03-01", "2026-03-01", 40.0,
                Double.NaN, 4.2, "40 demands", List.of("暖气"), List.of("r-1"), status, "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z", null, null, null, 3, 1);
    }

    FakeAlertDesk with(StoredAlert alert) {
        alerts.put(alert.id(), alert);
        return this;
    }

    @Override
    public List<StoredAlert> list(AlertStore.Filter filter) {
        filters.add(filter);
        return alerts.values().stream().filter(a -> filter.status() == null || a.status() == filter.status()).toList();
    }

    @Override
    public long count(AlertStore.Filter filter) {
        return list(filter).size();
    }

    @Override
    public StoredAlert transition(String id, AlertStatus.Transition transition, String by, String note) {
        StoredAlert a = alerts.get(id);
        if (a == null) {
            throw new IllegalArgumentException("no alert with id " + id + " in index test-alerts");
        }
        if (!transition.allowedFrom(a.status())) {
            throw new IllegalStateException("cannot " + transition.verb() + " alert " + id + ": it is "
                    + a.status().wireName());
        }
        StoredAlert changed = new StoredAlert(a.id(), a.kind(), a.nodePath(), a.districts(), a.windowStart(),
                a.windowEnd(), a.observed(), a.expected(), a.score(), a.note(), a.topPhrases(), a.exampleRecordIds(),
                transition.target(), a.firstSeenAt(), a.lastSeenAt(), "2026-03-02T08:00:00Z", by, note,
                a.seqNo() + 1, a.primaryTerm());
        alerts.put(id, changed);
        return changed;
    }
}
