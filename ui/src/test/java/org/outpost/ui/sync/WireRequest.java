package org.outpost.ui.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * One HTTP request as the client put it on the wire (captured by {@code FaultProxy.recordBytes()}), decoded the
 * way a server would read it: head as sent, body de-chunked and, if the client compressed it, decompressed — so
 * a search over {@link #text()} cannot miss a name split over a chunk boundary or hidden by gzip.
 *
 * @param raw      the bytes exactly as received
 * @param head     request line and headers
 * @param body     the body as the server reads it (de-chunked, decompressed)
 * @param encoding the client's Content-Encoding, or empty
 */
record WireRequest(byte[] raw, String head, byte[] body, String encoding) {

    static List<WireRequest> decode(List<byte[]> connections) {
        return connections.stream().map(WireRequest::decode).toList();
    }

    static WireRequest decode(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IllegalStateException("a captured request without the end of its head");
        }
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (header(head, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(body);
        }
        String encoding = header(head, "content-encoding");
        if (encoding.equalsIgnoreCase("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("identity")) {
            throw new IllegalStateException("the client used a content encoding this test cannot read: " + encoding);
        }
        return new WireRequest(raw, head, body, encoding);
    }

    String requestLine() {
        return head.substring(0, head.indexOf("\r\n") < 0 ? head.length() : head.indexOf("\r\n"));
    }

    /** Head and body as text; the body's JSON \\uXXXX escapes are also decoded, so an escaped name is found too. */
    String text() {
        String b = new String(body, StandardCharsets.UTF_8);
        return head + "\n" + b + (b.contains("\\u") ? "\n" + unescape(b) : "");
    }

    boolean isTransaction() {
        return requestLine().matches("POST /fhir/?(\\?[^ ]*)? HTTP/1\\.1");
    }

    static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, i, chunked.length), new byte[] {'\r', '\n'});
            String size = new String(chunked, i, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            i += lineEnd + 2;
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(chunked, i, n);
            i += n + 2;
        }
    }

    private static String unescape(String json) {
        StringBuilder b = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 5 < json.length() && json.charAt(i + 1) == 'u') {
                try {
                    b.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
