package org.hotline.alerts.elasticsearch;

import java.util.Locale;
import java.util.Set;

/** Where an alert is in the analyst's hands. New alerts are open. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    /** As stored and typed: "open", "acknowledged", "resolved". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus parse(String name) {
        for (AlertStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(name.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown alert status '" + name + "' (open, acknowledged, resolved)");
    }

    /** What an analyst can do to an alert: open → acknowledged → resolved, and reopen. */
    public enum Transition {
        ACKNOWLEDGE("acknowledge", ACKNOWLEDGED, Set.of(OPEN)),
        RESOLVE("resolve", RESOLVED, Set.of(OPEN, ACKNOWLEDGED)),
        REOPEN("reopen", OPEN, Set.of(ACKNOWLEDGED, RESOLVED));

        private final String verb;
        private final AlertStatus target;
        private final Set<AlertStatus> from;

        Transition(String verb, AlertStatus target, Set<AlertStatus> from) {
            this.verb = verb;
            this.target = target;
            this.from = from;
        }

        public String verb() {
            return verb;
        }

        public AlertStatus target() {
            return target;
        }

        public boolean allowedFrom(AlertStatus status) {
            return from.contains(status);
        }
    }
}
