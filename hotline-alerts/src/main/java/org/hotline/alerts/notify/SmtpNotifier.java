package org.hotline.alerts.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.hotline.alerts.alert.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert e-mails over SMTP (Jakarta Mail); the only class of the module that knows about mail. Each call
 * opens one connection for its e-mails and closes it. Transient failures (I/O errors, 4xx answers) are retried
 * with a doubling pause; permanent ones (5xx, a refused login) are not. Every e-mail gets a {@link Delivery},
 * failures included; nothing is thrown for a failed e-mail.
 */
public final class SmtpNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpNotifier.class);
    private static final int ATTEMPTS = 3;
    private static final Duration BACKOFF = Duration.ofSeconds(2);
    private static final String IDS_HEADER = "X-Hotline-Alert-Ids";

    private final MailSettings settings;
    private final Session session;
    private final int attempts;
    private final Duration backoff;

    public SmtpNotifier(MailSettings settings) {
        this(settings, ATTEMPTS, BACKOFF);
    }

    SmtpNotifier(MailSettings settings, int attempts, Duration backoff) {
        this.settings = settings;
        this.attempts = attempts;
        this.backoff = backoff;
        this.session = Session.getInstance(properties(settings));
    }

    /** One e-mail per alert and recipient ({@link AlertEmail#perAlert}). */
    public List<Delivery> send(List<Alert> alerts, AlertRouting routing) {
        return deliver(AlertEmail.perAlert(alerts, routing));
    }

    /** One e-mail per recipient with all of its alerts ({@link AlertEmail#digests}). */
    public List<Delivery> sendDigest(List<Alert> alerts, AlertRouting routing) {
        return deliver(AlertEmail.digests(alerts, routing));
    }

    /** Sends the e-mails in order; one {@link Delivery} per e-mail, in the same order. */
    public List<Delivery> deliver(List<AlertEmail> emails) {
        List<Delivery> deliveries = new ArrayList<>(emails.size());
        try (Link link = new Link()) {
            for (AlertEmail email : emails) {
                Delivery delivery = deliverOne(link, email);
                if (!delivery.sent()) {
                    LOG.warn("alert e-mail {} to {} not sent after {} attempt(s): {}", delivery.messageId(),
                            delivery.to(), delivery.attempts(), delivery.error());
                }
                deliveries.add(delivery);
            }
        }
        return deliveries;
    }

    private Delivery deliverOne(Link link, AlertEmail email) {
        String messageId = email.messageId(settings.fromDomain());
        if (link.broken != null) {
            // Do not hammer a server that is down or refuses our login: fail the rest of this call at once.
            return Delivery.failed(email, messageId, 0, "not tried: " + link.broken);
        }
        MimeMessage message;
        try {
            message = compose(email, messageId);
        } catch (MessagingException e) {
            return Delivery.failed(email, messageId, 0, "cannot build the message: " + describe(e));
        }
        for (int attempt = 1; ; attempt++) {
            boolean connecting = true;
            try {
                Transport transport = link.open();
                connecting = false;
                transport.sendMessage(message, message.getAllRecipients());
                return Delivery.delivered(email, messageId, attempt);
            } catch (MessagingException e) {
                link.close();
                String reason = (connecting ? "cannot connect to " + settings.host() + ":" + settings.port() + ": "
                        : "") + describe(e);
                boolean retry = attempt < attempts && isTransient(e);
                if (!retry) {
                    if (connecting) {
                        link.broken = reason;
                    }
                    return Delivery.failed(email, messageId, attempt, reason);
                }
                LOG.info("alert e-mail {} to {}: attempt {} of {} failed, retrying: {}", messageId, email.to(),
                        attempt, attempts, reason);
                try {
                    Thread.sleep(backoff.multipliedBy(1L << (attempt - 1)).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return Delivery.failed(email, messageId, attempt, reason + " (interrupted before a retry)");
                }
            }
        }
    }

    private MimeMessage compose(AlertEmail email, String messageId) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        // RFC 3834: out-of-office robots must not answer an automatic message.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader(IDS_HEADER, MimeUtility.fold(IDS_HEADER.length() + 2, String.join(" ", email.alertIds())));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    /** I/O errors and 4xx answers may pass; 5xx answers and a refused login will not. */
    private static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return false;
            }
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode() / 100 == 4;
            }
            if (t instanceof SMTPSendFailedException send) {
                return send.getReturnCode() / 100 == 4;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The message on one line: Jakarta Mail appends nested exceptions after line breaks. */
    private static String describe(MessagingException e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static Properties properties(MailSettings settings) {
        Properties p = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(!settings.username().isEmpty()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return p;
    }

    /** The connection of one call, opened on first use and again after a failure. */
    private final class Link implements AutoCloseable {
        private Transport transport;
        /** Why connecting failed for good in this call; null while the server may still answer. */
        private String broken;

        Transport open() throws MessagingException {
            if (transport == null) {
                Transport fresh = session.getTransport("smtp");
                fresh.connect(settings.host(), settings.port(),
                        settings.username().isEmpty() ? null : settings.username(),
                        settings.username().isEmpty() ? null : settings.password());
                transport = fresh;
            }
            return transport;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.debug("closing the SMTP connection failed; it is dropped anyway", e);
                }
                transport = null;
            }
        }
    }

    /** MimeMessage would replace the Message-ID by a random one on saveChanges(); a resend must keep ours. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
