package org.hotline.alerts.notify;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hotline.models.config.HotlineConfig;

/**
 * How to reach the SMTP server, from the {@code mail.*} configuration keys. Serializable so a stream job can ship
 * it to its tasks and open the connection there.
 *
 * @param username blank: no login
 * @param startTls require STARTTLS (with a checked server certificate) before logging in and sending
 */
public record MailSettings(String host, int port, String from, String username, String password, boolean startTls,
                           Duration timeout) implements Serializable {

    public MailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("mail.smtp.host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mail.smtp.port must be 1..65535, not " + port);
        }
        if (!MailDirectory.isAddress(from)) {
            throw new IllegalArgumentException("mail.from must be an e-mail address such as "
                    + "hotline-alerts@example.gov.cn, not '" + from + "'");
        }
        username = Objects.requireNonNullElse(username, "");
        password = Objects.requireNonNullElse(password, "");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("mail.timeoutMillis must be positive, not " + timeout);
        }
    }

    /** Empty when e-mail is off ({@code mail.smtp.host} blank). */
    public static Optional<MailSettings> from(HotlineConfig config) {
        if (config.get("mail.smtp.host").isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new MailSettings(config.get("mail.smtp.host"), config.getInt("mail.smtp.port"),
                config.get("mail.from"), config.get("mail.username"), config.get("mail.password"),
                config.getBoolean("mail.startTls"), Duration.ofMillis(config.getInt("mail.timeoutMillis"))));
    }

    /** The right-hand side of Message-IDs: the sender's domain. */
    public String fromDomain() {
        return from.substring(from.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return "smtp://" + (username.isEmpty() ? "" : username + ":***@") + host + ":" + port
                + (startTls ? " STARTTLS" : " plain") + " from " + from + " timeout " + timeout.toMillis() + " ms";
    }
}
