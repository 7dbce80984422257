package org.hotline.web.domain;

import java.io.IOException;
import java.util.List;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;

/**
 * What the dashboard does with alerts: the {@link AlertStore} operations it needs, as an interface so the HTTP
 * layer can be tested without Elasticsearch. The lifecycle rules stay in the store.
 */
public interface AlertDesk {

    List<StoredAlert> list(AlertStore.Filter filter) throws IOException;

    long count(AlertStore.Filter filter) throws IOException;

    /** As {@link AlertStore#transition(String, AlertStatus.Transition, String, String)}, with its exceptions. */
    StoredAlert transition(String id, AlertStatus.Transition transition, String by, String note) throws IOException;

    static AlertDesk of(AlertStore store) {
        return new AlertDesk() {
            @Override
            public List<StoredAlert> list(AlertStore.Filter filter) throws IOException {
                return store.list(filter);
            }

            @Override
            public long count(AlertStore.Filter filter) throws IOException {
                return store.count(filter);
            }

            @Override
            public StoredAlert transition(String id, AlertStatus.Transition transition, String by, String note)
                    throws IOException {
                return store.transition(id, transition, by, note);
            }
        };
    }
}
