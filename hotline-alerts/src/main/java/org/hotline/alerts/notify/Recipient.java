package org.hotline.alerts.notify;

import java.util.Objects;

/**
 * One mailbox that gets an alert, and why, in words the e-mail shows ("「城乡建设/物业管理」的责任部门：…").
 * An address routed for several reasons appears once, the reasons joined by "；".
 */
public record Recipient(String address, String reason) {
    public Recipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
    }
}
