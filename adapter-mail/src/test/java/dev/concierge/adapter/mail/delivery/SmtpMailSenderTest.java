package dev.concierge.adapter.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.concierge.adapter.mail.delivery.SmtpSettings.Security;
import dev.concierge.application.port.out.MailDeliveryException;
import dev.concierge.application.port.out.OutgoingMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SmtpMailSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final Duration SHORT = Duration.ofSeconds(1);

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@concierge.example", "mailer", PASSWORD));

    @Test
    void deliversTheMailWithItsOwnMessageIdSenderRecipientSubjectAndBothParts() throws Exception {
        OutgoingMail mail = TestMails.to("owner@example.com");

        sender(settings(greenMail.getSmtp().getPort(), null, null)).send(mail).block(TIMEOUT);

        MimeMessage received = onlyReceived();
        assertThat(received.getHeader("Message-ID")).containsExactly(mail.messageId());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@concierge.example");
        assertThat(from.getPersonal()).isEqualTo("Concierge Müller");
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .extracting(address -> ((InternetAddress) address).getAddress()).containsExactly("owner@example.com");
        assertThat(received.getSubject()).isEqualTo(TestMails.SUBJECT);
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(received.getSentDate().toInstant()).isEqualTo(mail.createdAt());

        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertPart(alternatives.getBodyPart(0), "text/plain", TestMails.TEXT);
        assertPart(alternatives.getBodyPart(1), "text/html", TestMails.HTML);
    }

    @Test
    void aMailWithAnInvitationArrivesWithACalendarAlternativeOfItsMethodAndAnInviteAttachment() throws Exception {
        OutgoingMail request = TestMails.withInvitation("visitor@example.com", "REQUEST");

        sender(settings(greenMail.getSmtp().getPort(), null, null)).send(request).block(TIMEOUT);

        MimeMessage received = onlyReceived();
        assertThat(received.getHeader("Message-ID")).containsExactly(request.messageId());
        TestMails.assertCarriesInvitation(received, request, "REQUEST");
        MimeMultipart alternatives = (MimeMultipart) ((MimeMultipart) received.getContent()).getBodyPart(0).getContent();
        assertPart(alternatives.getBodyPart(0), "text/plain", TestMails.TEXT);
        assertPart(alternatives.getBodyPart(1), "text/html", TestMails.HTML);
    }

    @Test
    void aCancellationArrivesWithTheCancelMethod() throws Exception {
        OutgoingMail cancel = TestMails.withInvitation("visitor@example.com", "CANCEL");

        sender(settings(greenMail.getSmtp().getPort(), null, null)).send(cancel).block(TIMEOUT);

        TestMails.assertCarriesInvitation(onlyReceived(), cancel, "CANCEL");
    }

    @Test
    void logsInWithUsernameAndPassword() throws Exception {
        sender(settings(greenMail.getSmtp().getPort(), "mailer", PASSWORD)).send(TestMails.to("owner@example.com"))
                .block(TIMEOUT);

        assertThat(onlyReceived().getSubject()).isEqualTo(TestMails.SUBJECT);
    }

    @Test
    void aRefusedLoginMayPassAndItsMessageHoldsNoPasswordAndNoContent() {
        int port = greenMail.getSmtp().getPort();
        String wrong = "wrong-" + PASSWORD;

        StepVerifier.create(sender(settings(port, "mailer", wrong)).send(TestMails.to("owner@example.com")))
                .expectErrorSatisfies(notPermanent("127.0.0.1:" + port, failure -> assertThat(failure.getMessage())
                        .doesNotContain(wrong).doesNotContain(PASSWORD)))
                .verify(TIMEOUT);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownFailsQuicklyAndMayPass() throws IOException {
        int port = freePort();

        StepVerifier.create(sender(settings(port, null, null)).send(TestMails.to("owner@example.com")))
                .expectErrorSatisfies(notPermanent("127.0.0.1:" + port, failure -> { }))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheReadTimeoutAndMayPass() throws IOException {
        // Accepted by the kernel into the backlog, then never read from nor written to.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();

            StepVerifier.create(sender(settings(silent.getLocalPort(), null, null)).send(TestMails.to("owner@example.com")))
                    .expectErrorSatisfies(notPermanent("127.0.0.1:" + silent.getLocalPort(), failure -> { }))
                    .verify(Duration.ofSeconds(5));

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(SHORT.minusMillis(100), SHORT.plusSeconds(2));
        }
    }

    @Test
    void aRecipientRefusedWithA5xxReplyIsPermanent() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.answeringRecipientsWith("550 5.1.1 <nobody@example.com>: no such user")) {
            StepVerifier.create(sender(settings(server.port(), null, null)).send(TestMails.to("nobody@example.com")))
                    .expectErrorSatisfies(failure -> {
                        assertThat(failure).isInstanceOf(MailDeliveryException.class);
                        assertThat(((MailDeliveryException) failure).permanent()).isTrue();
                        assertThat(failure.getMessage()).contains("refused for good", "550 5.1.1", "no such user")
                                .doesNotContain(TestMails.SECRET_LINK);
                    })
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aRecipientDeferredWithA4xxReplyMayPass() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.answeringRecipientsWith("450 4.2.1 mailbox busy, try later")) {
            StepVerifier.create(sender(settings(server.port(), null, null)).send(TestMails.to("busy@example.com")))
                    .expectErrorSatisfies(notPermanent("450 4.2.1", failure -> { }))
                    .verify(TIMEOUT);
        }
    }

    @Test
    void withStarttlsRequiredNothingIsSentToAServerThatDoesNotOfferIt() {
        // GreenMail's SMTP server speaks plain SMTP only.
        SmtpSettings starttls = new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), Security.STARTTLS,
                "mailer", PASSWORD, SHORT, SHORT, SHORT);

        StepVerifier.create(sender(starttls).send(TestMails.to("owner@example.com")))
                .expectErrorSatisfies(notPermanent("STARTTLS", failure -> { }))
                .verify(TIMEOUT);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void withSslNothingIsSentToAPlainServer() {
        SmtpSettings ssl = new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), Security.SSL, "mailer",
                PASSWORD, SHORT, SHORT, SHORT);

        StepVerifier.create(sender(ssl).send(TestMails.to("owner@example.com")))
                .expectErrorSatisfies(notPermanent("127.0.0.1", failure -> { }))
                .verify(TIMEOUT);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void sendingFromANonBlockingThreadLeavesItAndBlocksOnABoundedElasticThread() throws Exception {
        AtomicReference<String> completedOn = new AtomicReference<>();
        Mono<Void> send = sender(settings(greenMail.getSmtp().getPort(), null, null))
                .send(TestMails.to("owner@example.com"))
                .doOnSuccess(done -> completedOn.set(Thread.currentThread().getName()));

        // Mono.delay emits on a parallel thread, which BlockHound watches: a blocking call there would fail this.
        StepVerifier.create(Mono.delay(Duration.ofMillis(1)).then(send)).verifyComplete();

        assertThat(completedOn.get()).startsWith("boundedElastic");
        assertThat(onlyReceived().getSubject()).isEqualTo(TestMails.SUBJECT);
    }

    private static SmtpMailSender sender(SmtpSettings settings) {
        return new SmtpMailSender(settings, TestMails.FROM);
    }

    private static SmtpSettings settings(int port, String username, String password) {
        return new SmtpSettings("127.0.0.1", port, Security.NONE, username, password, SHORT, SHORT, SHORT);
    }

    private static MimeMessage onlyReceived() {
        assertThat(greenMail.waitForIncomingEmail(TIMEOUT.toMillis(), 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static void assertPart(BodyPart part, String type, String content) throws Exception {
        assertThat(part.isMimeType(type)).as(part.getContentType()).isTrue();
        assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(((String) part.getContent()).replace("\r\n", "\n")).isEqualTo(content);
    }

    private static Consumer<Throwable> notPermanent(String mentioned, Consumer<Throwable> more) {
        return failure -> {
            assertThat(failure).isInstanceOf(MailDeliveryException.class);
            assertThat(((MailDeliveryException) failure).permanent()).as(failure.getMessage()).isFalse();
            assertThat(failure.getMessage()).contains(mentioned).doesNotContain(TestMails.SECRET_LINK);
            more.accept(failure);
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
