package dev.concierge.adapter.mail.delivery;

import dev.concierge.application.port.out.MailDeliveryException;
import dev.concierge.application.port.out.MailSender;
import dev.concierge.application.port.out.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link MailSender} port over SMTP, one connection per mail. Jakarta Mail blocks, so each send runs on Reactor's
 * bounded elastic pool, and the connect, read and write timeouts of the {@link SmtpSettings} bound every wait.
 *
 * <p>A failure is {@linkplain MailDeliveryException#permanent() permanent} only when the server refused the recipient
 * with a 5xx reply: that answer will not change. Anything else (no connection, a timeout, a 4xx reply, a refused
 * login) may pass, so the outbox tries again later. Failure messages name the mail, the server and the server's
 * answer, never the mail's content or the password.
 */
public final class SmtpMailSender implements MailSender {

    /** How far down a chain of causes to look; Jakarta Mail chains one exception per refused recipient. */
    private static final int MAX_CHAIN = 10;

    private final SmtpSettings settings;
    private final Session session;
    private final MimeMails mimeMails;

    public SmtpMailSender(SmtpSettings settings, MailFrom from) {
        this.settings = settings;
        this.session = Session.getInstance(sessionProperties(settings));
        this.mimeMails = new MimeMails(from);
    }

    @Override
    public Mono<Void> send(OutgoingMail mail) {
        return Mono.<Void>fromRunnable(() -> deliver(mail)).subscribeOn(Schedulers.boundedElastic());
    }

    private void deliver(OutgoingMail mail) {
        try {
            Transport.send(mimeMails.create(session, mail), settings.username(), settings.password());
        } catch (MessagingException e) {
            boolean permanent = recipientRefusedForGood(e);
            throw new MailDeliveryException("mail " + mail.id()
                    + (permanent ? " was refused for good by" : " was not accepted by") + " the SMTP server "
                    + settings.host() + ":" + settings.port() + ": " + describe(e), permanent, e);
        }
    }

    private static Properties sessionProperties(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        switch (settings.security()) {
            case SSL -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // A plain connection, as configured: nothing to add.
            }
        }
        return properties;
    }

    /** Whether, anywhere in the chain, the server answered the recipient with a 5xx reply. */
    private static boolean recipientRefusedForGood(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_CHAIN; cause = cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() / 100 == 5) {
                return true;
            }
        }
        return false;
    }

    /** Each exception in the chain with its message: the server's reply, or what went wrong on the way to it. */
    private static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_CHAIN; cause = cause.getCause()) {
            if (description.length() > 0) {
                description.append("; caused by ");
            }
            description.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                description.append(": ").append(cause.getMessage().strip());
            }
        }
        return description.toString();
    }
}
