package dev.concierge.adapter.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.concierge.application.port.out.MailDeliveryException;
import dev.concierge.application.port.out.OutgoingMail;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class FileMailSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void writesTheMailAsAnEmlFileNamedForItsIdThatMailClientsCanRead() throws Exception {
        Path outbox = temp.resolve("data/outbox");
        OutgoingMail mail = TestMails.to("owner@example.com");

        new FileMailSender(outbox, TestMails.FROM).send(mail).block(TIMEOUT);

        MimeMessage written = read(outbox.resolve(mail.id() + ".eml"));
        assertThat(written.getHeader("Message-ID")).containsExactly(mail.messageId());
        assertThat(((InternetAddress) written.getFrom()[0]).getAddress()).isEqualTo("noreply@concierge.example");
        assertThat(((InternetAddress) written.getAllRecipients()[0]).getAddress()).isEqualTo("owner@example.com");
        assertThat(written.getSubject()).isEqualTo(TestMails.SUBJECT);
        assertThat(written.getSentDate().toInstant()).isEqualTo(mail.createdAt());
        MimeMultipart alternatives = (MimeMultipart) written.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternatives.getBodyPart(1).isMimeType("text/html")).isTrue();
    }

    @Test
    void writesACalendarInvitationAsAnAlternativeAndAsAnAttachment() throws Exception {
        OutgoingMail mail = TestMails.withInvitation("visitor@example.com", "REQUEST");

        new FileMailSender(temp, TestMails.FROM).send(mail).block(TIMEOUT);

        TestMails.assertCarriesInvitation(read(temp.resolve(mail.id() + ".eml")), mail, "REQUEST");
    }

    @Test
    void leavesNothingButFinishedMailsInTheFolderAndReplacesAMailSentAgain() throws IOException {
        FileMailSender sender = new FileMailSender(temp, TestMails.FROM);
        OutgoingMail first = TestMails.to("owner@example.com");
        OutgoingMail second = TestMails.to("other@example.com");

        sender.send(first).then(sender.send(second)).then(sender.send(first)).block(TIMEOUT);

        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(first.id() + ".eml", second.id() + ".eml");
        }
    }

    @Test
    void logsRecipientSubjectAndFileButNeverTheBody() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(FileMailSender.class);
        log.start();
        logger.addAppender(log);
        // Captured here rather than printed: the build's output shows only what went wrong.
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        try {
            OutgoingMail mail = TestMails.to("owner@example.com");

            new FileMailSender(temp, TestMails.FROM).send(mail).block(TIMEOUT);

            assertThat(log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage())
                        .contains("owner@example.com", TestMails.SUBJECT, temp.resolve(mail.id() + ".eml").toString())
                        .doesNotContain(TestMails.SECRET_LINK).doesNotContain("Grüß Gott");
            });
        } finally {
            logger.detachAppender(log);
            logger.setLevel(null);
            logger.setAdditive(true);
        }
    }

    @Test
    void aFolderThatCannotBeMadeFailsTheSendAndMayPass() throws IOException {
        Path occupied = Files.writeString(temp.resolve("outbox"), "a file where the folder should be");

        StepVerifier.create(new FileMailSender(occupied, TestMails.FROM).send(TestMails.to("owner@example.com")))
                .expectErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(MailDeliveryException.class);
                    assertThat(((MailDeliveryException) failure).permanent()).isFalse();
                    assertThat(failure.getMessage()).contains(occupied.toString()).doesNotContain(TestMails.SECRET_LINK);
                })
                .verify(TIMEOUT);
    }

    @Test
    void writingFromANonBlockingThreadLeavesItAndWritesOnABoundedElasticThread() {
        AtomicReference<String> completedOn = new AtomicReference<>();
        Mono<Void> send = new FileMailSender(temp, TestMails.FROM).send(TestMails.to("owner@example.com"))
                .doOnSuccess(done -> completedOn.set(Thread.currentThread().getName()));

        // Mono.delay emits on a parallel thread, which BlockHound watches: file I/O there would fail this.
        StepVerifier.create(Mono.delay(Duration.ofMillis(1)).then(send)).verifyComplete();

        assertThat(completedOn.get()).startsWith("boundedElastic");
        assertThat(temp.toFile().list()).hasSize(1);
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
