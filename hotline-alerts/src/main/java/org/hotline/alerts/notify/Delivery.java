package org.hotline.alerts.notify;

import java.util.List;

/**
 * What happened to one e-mail: sent, or failed with the reason (the last server answer or I/O error).
 *
 * @param attempts how often it was tried; 0 when it was not tried because the server was already found
 *                 unreachable or refused the login earlier in the same call
 * @param error    empty when sent
 */
public record Delivery(String to, List<String> alertIds, String messageId, boolean sent, int attempts,
                       String error) {

    public Delivery {
        alertIds = List.copyOf(alertIds);
    }

    static Delivery delivered(AlertEmail email, String messageId, int attempts) {
        return new Delivery(email.to(), email.alertIds(), messageId, true, attempts, "");
    }

    static Delivery failed(AlertEmail email, String messageId, int attempts, String error) {
        return new Delivery(email.to(), email.alertIds(), messageId, false, attempts, error);
    }
}
