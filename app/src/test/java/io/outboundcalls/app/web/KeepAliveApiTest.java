package io.outboundcalls.app.web;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that keeps its connection open is not made to reconnect every 100 requests (Tomcat's default). */
class KeepAliveApiTest extends ApiTest {

    @Test
    void oneConnectionServesManyMoreThanAHundredRequests() throws IOException {
        ApiClient api = newAccount();
        byte[] request = ("GET /v1/agents?limit=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + api.token()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int i = 1; i <= 250; i++) {
                out.write(request);
                out.flush();
                String head = readHead(in);
                assertThat(head).as("answer %d", i).startsWith("HTTP/1.1 200");
                assertThat(head.toLowerCase()).as("answer %d", i).doesNotContain("connection: close");
                skipBody(in, head);
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the server closed the connection after: " + head);
            }
            head.write(c);
            matched = (c == '\r' || c == '\n') && "\r\n\r\n".charAt(matched) == c ? matched + 1 : c == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The body is chunked or has a length; either way it is read to the end so the next answer follows. */
    private static void skipBody(InputStream in, String head) throws IOException {
        String lower = head.toLowerCase();
        int at = lower.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
            in.readNBytes(length);
            return;
        }
        while (true) {
            int size = Integer.parseInt(readLine(in).trim(), 16);
            in.readNBytes(size);
            readLine(in);
            if (size == 0) {
                return;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
