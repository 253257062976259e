package dev.concierge.adapter.mail.delivery;

import dev.concierge.application.port.out.MailDeliveryException;
import dev.concierge.application.port.out.MailSender;
import dev.concierge.application.port.out.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link MailSender} port for running without an SMTP server: each mail becomes {@code <mail id>.eml} in a folder,
 * the same MIME message SMTP would carry, so any mail client opens it and a developer can follow a reset link.
 *
 * <p>A mail is written to a temporary file in the same folder and then moved into place in one step, so whoever
 * watches the folder never reads half a mail; sending the same mail again replaces its file. The temporary file is
 * made readable by its owner only, and the move keeps that: a mail may hold a password reset link. The log names the
 * recipient, the subject and the file, never the body. Writing blocks, so it runs on Reactor's bounded elastic pool.
 */
public final class FileMailSender implements MailSender {

    private static final Logger log = LoggerFactory.getLogger(FileMailSender.class);

    private final Path directory;
    private final Session session = Session.getInstance(new Properties());
    private final MimeMails mimeMails;

    /** @param directory the folder to write to, made (with its parents) when the first mail is written */
    public FileMailSender(Path directory, MailFrom from) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mimeMails = new MimeMails(from);
    }

    @Override
    public Mono<Void> send(OutgoingMail mail) {
        return Mono.<Void>fromRunnable(() -> write(mail)).subscribeOn(Schedulers.boundedElastic());
    }

    private void write(OutgoingMail mail) {
        Path file = directory.resolve(mail.id() + ".eml");
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "." + mail.id() + "-", ".partial");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    mimeMails.create(session, mail).writeTo(out);
                }
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | MessagingException e) {
            throw new MailDeliveryException("mail " + mail.id() + " could not be written to " + file + ": " + e,
                    false, e);
        }
        log.info("Mail to {} with subject \"{}\" written to {}", mail.to(), mail.content().subject(), file);
    }
}
