package dev.concierge.adapter.mail.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Just enough of an SMTP server to answer {@code RCPT TO} with a reply of the test's choosing, which no real test
 * server offers. It serves connections one after another until closed.
 */
final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String recipientReply;
    private final Thread thread;

    private FakeSmtpServer(String recipientReply) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.recipientReply = recipientReply;
        this.thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** @param recipientReply the whole reply line to every {@code RCPT TO}, for example {@code 550 5.1.1 No such user} */
    static FakeSmtpServer answeringRecipientsWith(String recipientReply) {
        try {
            return new FakeSmtpServer(recipientReply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // Closed by the test, or the client hung up: either way this conversation is over.
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 fake.example ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("RCPT")) {
                reply(out, recipientReply);
            } else if (command.startsWith("DATA")) {
                reply(out, "354 go ahead");
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    // The message itself does not matter here.
                }
                reply(out, "250 2.0.0 queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "250 fake.example");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
