package dateline.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A reader of pages over one kept-alive loopback connection that keeps nothing it reads unless asked: the
 * server then writes a response as it writes to any reader (from its pooled buffers, into a socket), and the
 * harness adds no garbage of its own to what the collector must clear. Reads {@code Content-Length} and chunked
 * bodies, which is all the server sends.
 */
final class LoopbackReader implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] skipped = new byte[64 * 1024];
    private final StringBuilder line = new StringBuilder(256);

    /** What one request was answered with: its status and the body's length in bytes. */
    record Answer(int status, int bodyBytes) {}

    LoopbackReader(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    /** Sends a request made by {@link #request}; the body is read and dropped unless {@code body} is given to keep it. */
    Answer get(byte[] request, ByteArrayOutputStream body) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon);
            if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(header.substring(colon + 1).strip());
            else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = header.toLowerCase(java.util.Locale.ROOT).contains("chunked");
        }
        int read = 0;
        if (chunked) {
            for (int size = Integer.parseInt(readLine().strip(), 16); size > 0; size = Integer.parseInt(readLine().strip(), 16)) {
                read += take(size, body);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers, if any
            }
        } else if (length > 0) {
            read = take(length, body);
        }
        return new Answer(status, read);
    }

    static byte[] request(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private int take(long length, ByteArrayOutputStream body) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(skipped, 0, (int) Math.min(skipped.length, left));
            if (n < 0) throw new IOException("the server closed the connection in a body");
            if (body != null) body.write(skipped, 0, n);
            left -= n;
        }
        return (int) length;
    }

    /** One line of the head, without its CRLF; only ASCII is expected there. */
    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("the server closed the connection");
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
