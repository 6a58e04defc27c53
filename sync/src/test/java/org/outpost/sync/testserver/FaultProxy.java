package org.outpost.sync.testserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTP/1.1 proxy between the sync client and the test FHIR server that breaks exchanges on purpose,
 * each fault modelled on what a clinic's link or a gateway really does:
 * <ul>
 *   <li>{@link Fault#HTTP_500}: a gateway answers 500 without the server seeing the request;
 *   <li>{@link Fault#HTTP_500_AFTER_PROCESSING}: the server stored it, the gateway still says 500;
 *   <li>{@link Fault#TIMEOUT}: the server stored it, the answer is held longer than the client waits;
 *   <li>{@link Fault#DROP_AFTER_PROCESSING}: the server stored it, the connection is reset before the answer;
 *   <li>{@link Fault#SLOW}: the answer comes late and in dribbles, but within the client's read timeout;
 *   <li>{@link #down()}/{@link #up()}: nobody listens on the port, connections are refused.
 * </ul>
 * Every request is one connection ({@code Connection: close} both ways), so each exchange can be faulted on
 * its own, and every exchange is recorded, including whether the client received the answer, so tests can
 * check that only delivered 2xx answers were ever reported as confirmed. Optionally terminates TLS with a
 * given server certificate, to test certificate checks against the same server, and keeps every byte the clients
 * sent ({@link #recordBytes()}), for tests of exactly what left the workstation.
 */
public final class FaultProxy implements AutoCloseable {

    /** What happens to one exchange. */
    public enum Fault {
        NONE, HTTP_500, HTTP_500_AFTER_PROCESSING, TIMEOUT, DROP_AFTER_PROCESSING, SLOW
    }

    /**
     * One request through the proxy.
     *
     * @param authorization the request's Authorization header, or empty
     * @param upstreamStatus the server's status, or -1 if the request never reached it
     * @param delivered whether the client received the server's full answer
     */
    public record Exchange(int number, String requestLine, String authorization, Fault fault, int upstreamStatus,
            boolean delivered) {
        /** A summary transaction ({@code POST [base]}), as opposed to a checkpoint or a search. */
        public boolean isTransaction() {
            return requestLine.matches("POST /fhir/?(\\?[^ ]*)? HTTP/1\\.1");
        }
    }

    private final int upstreamPort;
    private final SSLContext tls;
    private final int port;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    /** Numbered requests whose handling has ended (recorded or abandoned); guarded by {@code exchanges}. */
    private int finished;
    private final List<Exchange> exchanges = new ArrayList<>(); // guarded by itself
    private final Deque<Fault> queued = new ArrayDeque<>(); // guarded by this
    private IntFunction<Fault> plan = n -> Fault.NONE; // guarded by this
    private Duration hold = Duration.ofSeconds(3); // guarded by this
    private Duration slowDelay = Duration.ofMillis(300); // guarded by this
    private final List<byte[]> received = new ArrayList<>(); // guarded by itself
    private volatile boolean recording;
    private volatile ServerSocket listener;
    private volatile boolean closed;

    /**
     * Whether the client has already closed its end (it timed out): a read that ends at once rather than waiting.
     * The request has been read in full and the client sends nothing more, so no byte of it is consumed.
     */
    private static boolean clientGone(java.net.Socket client, InputStream in) {
        try {
            int before = client.getSoTimeout();
            client.setSoTimeout(1);
            try {
                return in.read() == -1;
            } finally {
                client.setSoTimeout(before);
            }
        } catch (java.net.SocketTimeoutException e) {
            return false; // still waiting for the answer
        } catch (IOException e) {
            return true;
        }
    }

    private FaultProxy(int upstreamPort, SSLContext tls) throws IOException {
        this.upstreamPort = upstreamPort;
        this.tls = tls;
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        acceptLoop(listener);
    }

    /** A plain-http proxy to {@code 127.0.0.1:upstreamPort}. */
    public static FaultProxy start(int upstreamPort) throws IOException {
        return new FaultProxy(upstreamPort, null);
    }

    /** An https proxy presenting the server certificate in {@code serverTls}. */
    public static FaultProxy startTls(int upstreamPort, SSLContext serverTls) throws IOException {
        return new FaultProxy(upstreamPort, serverTls);
    }

    public int port() {
        return port;
    }

    /** The FHIR base through the proxy, as {@code http(s)://<host>:<port>/fhir}. */
    public String base(String host) {
        return (tls == null ? "http" : "https") + "://" + host + ":" + port + "/fhir";
    }

    public URI base() {
        return URI.create(base("127.0.0.1"));
    }

    /** Faults by request number (1 = the next request after this call), for requests not queued. */
    public synchronized FaultProxy plan(IntFunction<Fault> byRequestNumber) {
        int offset = requests.get();
        this.plan = n -> byRequestNumber.apply(n - offset);
        return this;
    }

    /** The next requests get these faults, in order; after them the plan applies again. */
    public synchronized FaultProxy failNext(Fault... faults) {
        queued.addAll(List.of(faults));
        return this;
    }

    /** How long {@link Fault#TIMEOUT} holds an answer; make it longer than the client's read timeout. */
    public synchronized FaultProxy hold(Duration d) {
        this.hold = d;
        return this;
    }

    /** How long {@link Fault#SLOW} waits before it starts to dribble the answer out. */
    public synchronized FaultProxy slowDelay(Duration d) {
        this.slowDelay = d;
        return this;
    }

    /** Stops listening: new connections are refused until {@link #up()}. */
    public void down() throws IOException {
        ServerSocket s = listener;
        listener = null;
        if (s != null) {
            s.close();
        }
    }

    /** Listens again on the same port. */
    public synchronized void up() throws IOException {
        if (listener == null && !closed) {
            ServerSocket s = bind(port);
            listener = s;
            acceptLoop(s);
        }
    }

    /** Down now, up again after {@code d} (on a background thread). */
    public void downFor(Duration d) throws IOException {
        down();
        Thread.ofVirtual().name("fault-proxy-up").start(() -> {
            try {
                Thread.sleep(d);
                up();
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * From now on, keeps every byte each client connection sends through the proxy, exactly as it arrived (request
     * line, headers, body with any chunk framing), one array per connection: {@link #receivedBytes()}.
     */
    public FaultProxy recordBytes() {
        recording = true;
        return this;
    }

    /** What the clients sent, one array per connection (each carries one request), in the order they arrived. */
    public List<byte[]> receivedBytes() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How many requests the server has answered so far (whatever then happened to the answer). */
    public int forwarded() {
        return forwarded.get();
    }

    /**
     * The exchanges so far. The client may have its answer a moment before the proxy's thread records the
     * exchange, so this waits (at most two seconds) until every request that has arrived has been handled.
     */
    public List<Exchange> exchanges() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        synchronized (exchanges) {
            try {
                while (finished < requests.get() && System.nanoTime() < deadline) {
                    exchanges.wait(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.copyOf(exchanges);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        down();
    }

    private ServerSocket bind(int wanted) throws IOException {
        ServerSocket s = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        return s;
    }

    private void acceptLoop(ServerSocket s) {
        Thread.ofPlatform().daemon(true).name("fault-proxy-accept-" + s.getLocalPort()).start(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Thread.ofVirtual().name("fault-proxy-exchange").start(() -> handle(client));
                } catch (IOException e) {
                    return; // closed by down()/close()
                }
            }
        });
    }

    private synchronized Fault nextFault(int number) {
        Fault f = queued.pollFirst();
        return f != null ? f : plan.apply(number);
    }

    private void handle(Socket client) {
        ByteArrayOutputStream wire = recording ? new ByteArrayOutputStream() : null;
        boolean numbered = false;
        try (client) {
            client.setSoTimeout(30_000);
            InputStream in = wire == null ? client.getInputStream() : tee(client.getInputStream(), wire);
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String requestLine = headText.substring(0, headText.indexOf("\r\n"));
            String authorization = headerValue(headText, "authorization");
            byte[] body = readBody(in, headText);
            if (wire != null) {
                keep(wire); // the whole request has arrived: kept now, whatever then happens to the exchange
                wire = null;
            }
            int number = requests.incrementAndGet();
            numbered = true;
            Fault fault = nextFault(number);
            Duration holdFor;
            Duration slow;
            synchronized (this) {
                holdFor = hold;
                slow = slowDelay;
            }
            OutputStream out = client.getOutputStream();
            if (fault == Fault.HTTP_500) {
                write500(out);
                record(new Exchange(number, requestLine, authorization, fault, -1, false));
                return;
            }
            byte[] response = forward(rewriteConnection(headText), body);
            int status = statusOf(response);
            boolean delivered = false;
            if ((fault == Fault.NONE || fault == Fault.SLOW) && clientGone(client, in)) {
                // the client gave up while the server worked (its read timeout, on a busy machine): writing now would
                // still "succeed" into the socket's buffer although nobody reads it, so it is not counted as heard
                record(new Exchange(number, requestLine, authorization, fault, status, false));
                return;
            }
            switch (fault) {
                case NONE -> {
                    out.write(response);
                    out.flush();
                    delivered = true;
                }
                case SLOW -> {
                    Thread.sleep(slow);
                    for (int i = 0; i < response.length; i += 256) {
                        out.write(response, i, Math.min(256, response.length - i));
                        out.flush();
                        Thread.sleep(5);
                    }
                    delivered = true;
                }
                case HTTP_500_AFTER_PROCESSING -> write500(out);
                case TIMEOUT -> Thread.sleep(holdFor);
                case DROP_AFTER_PROCESSING -> client.setSoLinger(true, 0); // close() now sends a reset
                case HTTP_500 -> throw new AssertionError("handled above");
            }
            record(new Exchange(number, requestLine, authorization, fault, status, delivered));
        } catch (IOException | InterruptedException e) {
            // the client went away (e.g. it timed out first, or a TLS handshake was refused): nothing to deliver
        } finally {
            if (wire != null && wire.size() > 0) {
                keep(wire); // a request cut short
            }
            if (numbered) {
                synchronized (exchanges) {
                    finished++;
                    exchanges.notifyAll();
                }
            }
        }
    }

    private void keep(ByteArrayOutputStream wire) {
        synchronized (received) {
            received.add(wire.toByteArray());
        }
    }

    /** {@code in}, copying every byte read from it to {@code copy}. */
    private static InputStream tee(InputStream in, ByteArrayOutputStream copy) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    copy.write(buffer, off, n);
                }
                return n;
            }
        };
    }

    private void record(Exchange e) {
        synchronized (exchanges) {
            exchanges.add(e);
        }
    }

    private byte[] forward(String head, byte[] body) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            upstream.setSoTimeout(30_000);
            OutputStream up = upstream.getOutputStream();
            up.write(head.getBytes(StandardCharsets.ISO_8859_1));
            up.write(body);
            up.flush();
            byte[] answer = upstream.getInputStream().readAllBytes(); // Connection: close, so EOF ends the answer
            forwarded.incrementAndGet();
            return answer;
        }
    }

    private static void write500(OutputStream out) throws IOException {
        byte[] text = "injected gateway failure".getBytes(StandardCharsets.US_ASCII);
        out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: " + text.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(text);
        out.flush();
    }

    private static int statusOf(byte[] response) {
        String first = new String(response, 0, Math.min(response.length, 64), StandardCharsets.ISO_8859_1);
        String[] parts = first.split(" ", 3);
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String headerValue(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static String rewriteConnection(String head) {
        StringBuilder b = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                continue;
            }
            b.append(line).append("\r\n");
        }
        return b.append("Connection: close\r\n\r\n").toString();
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b;
            try {
                b = in.read();
            } catch (SocketException e) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 65_536) {
                throw new IOException("request head too long");
            }
        }
        return head.toByteArray();
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        for (String line : lower.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
        if (lower.contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in, raw);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    readLine(in, raw); // final CRLF (no trailers from HttpClient)
                    return raw.toByteArray();
                }
                raw.write(in.readNBytes(size));
                readLine(in, raw);
            }
        }
        return new byte[0];
    }

    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        StringBuilder line = new StringBuilder();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("truncated chunked body");
            }
            raw.write(b);
            if (prev == '\r' && b == '\n') {
                return line.substring(0, line.length() - 1);
            }
            line.append((char) b);
            prev = b;
        }
    }
}
