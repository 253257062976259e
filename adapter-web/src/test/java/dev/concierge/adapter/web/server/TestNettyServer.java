package dev.concierge.adapter.web.server;

import dev.concierge.adapter.web.support.WebSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The web adapter behind a real Reactor Netty server on a free loopback port, hardened as in production, and a raw
 * socket client that can send what no well-behaved HTTP client would.
 */
final class TestNettyServer implements AutoCloseable {

    private final DisposableServer server;

    TestNettyServer(ApplicationContext context, WebSettings settings) {
        ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.applicationContext(context).build());
        this.server = NettyHardening.apply(HttpServer.create().host("127.0.0.1").port(0), settings)
                .handle(adapter)
                .bindNow(Duration.ofSeconds(10));
    }

    int port() {
        return server.port();
    }

    /** Opens a connection; the caller closes it. */
    Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Sends {@code request} as it is and reads until the server closes the connection (or five seconds pass). */
    String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            send(socket, request);
            return readUntilClosed(socket);
        }
    }

    static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            read.write("<still open>".getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException reset) {
            read.write("<reset>".getBytes(StandardCharsets.ISO_8859_1));
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /** Reads one answer whose body length is declared, leaving the connection open. */
    static String readOneAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
