package io.outboundcalls.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection driven by one blocking thread, as wrk's connections are: the
 * request's bytes are written as they are, the answer's status, length and body are read, nothing
 * else is decoded, so the load generator takes as little as it can of the cores it shares with
 * the service ({@code java.net.http.HttpClient} adds a selector thread and a hand-off per request).
 * Reconnects when the server closes the connection; not thread-safe (one per client thread).
 */
final class Wire implements AutoCloseable {

    /** An answer: its status and body (null when the status was the one expected: nothing reads it). */
    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder();

    Wire(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /** The bytes of one request, built once per distinct request. */
    static byte[] request(String method, String path, String host, String token, String jsonBody) {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nAccept: application/json\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    String host() {
        return host + ":" + port;
    }

    /** Sends a request built by {@link #request} and reads its whole answer; keeps the body unless the status is {@code expected}. */
    Answer send(byte[] request, int expected) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(request, expected);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            // a kept-alive connection the server had closed before it read this request: once more on a fresh one
            return exchange(request, expected);
        }
    }

    private Answer exchange(byte[] request, int expected) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 65_536);
            out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (statusLine.length() < 12) {
            throw new IOException("no HTTP answer: '" + statusLine + "'");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream body = status != expected ? new ByteArrayOutputStream() : null;
        if (chunked) {
            for (long size = Long.parseLong(chunkSize(readLine()), 16); size > 0; size = Long.parseLong(chunkSize(readLine()), 16)) {
                copy(size, body);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            close = true;
            copy(Long.MAX_VALUE, body);
        }
        if (close) {
            close();
        }
        return new Answer(status, body == null ? null : body.toString(StandardCharsets.UTF_8));
    }

    private static String chunkSize(String line) {
        int extension = line.indexOf(';');
        return (extension < 0 ? line : line.substring(0, extension)).trim();
    }

    private void copy(long length, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("connection closed in the middle of a body");
            }
            if (to != null) {
                to.write(buffer, 0, read);
            }
            left -= read;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
        socket = null;
    }
}
