package org.hotline.alerts.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.elasticsearch.AlertBulkWriter.FirstSightings;
import org.hotline.models.config.HotlineConfig;

/**
 * E-mails alerts the first time the alert index sees them, one digest per recipient and batch, so a department
 * that gets three alerts in one flush reads one e-mail. Serializable (it holds only the configuration), so the
 * Flink sink ships it to its tasks and {@link #open()}s it there: the taxonomy and mailbox directory load once per
 * writer.
 */
public final class NewAlertMailer implements FirstSightings.Factory {
    private static final long serialVersionUID = 1L;

    private final HotlineConfig config;

    private NewAlertMailer(HotlineConfig config) {
        this.config = config;
    }

    /**
     * A mailer when {@code mail.smtp.host} is set, else empty (e-mail off). The directory is checked here, so a
     * bad {@code mail.directory} fails at start-up with its line numbers, not in a running job.
     */
    public static Optional<NewAlertMailer> forConfig(HotlineConfig config) {
        if (MailSettings.from(config).isEmpty()) {
            return Optional.empty();
        }
        AlertRouting.forConfig(config);
        return Optional.of(new NewAlertMailer(config));
    }

    @Override
    public FirstSightings open() {
        SmtpNotifier notifier = new SmtpNotifier(MailSettings.from(config).orElseThrow());
        AlertRouting routing = AlertRouting.forConfig(config);
        return created -> sentTo(notifier.sendDigest(created, routing));
    }

    /** Per alert id, the addresses whose e-mail went out (failed deliveries are logged by the notifier). */
    static Map<String, List<String>> sentTo(List<Delivery> deliveries) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            if (delivery.sent()) {
                for (String id : delivery.alertIds()) {
                    sent.computeIfAbsent(id, any -> new ArrayList<>()).add(delivery.to());
                }
            }
        }
        return sent;
    }
}
