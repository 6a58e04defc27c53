package org.outpost.sync.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A throw-away certificate authority and a server certificate it signed (for {@code localhost} only), made
 * with the JDK's own {@code keytool} so the tests need no extra crypto library. Valid for two days; lives in a
 * temporary directory.
 */
public record TestPki(Path caPem, Path publicRootPem, Path serverKeyStore, char[] password) {

    /** Generates the CA, the server key and certificate, and a PEM of one public root CA (not the issuer). */
    public static TestPki generate(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        String pw = "test-only-" + Long.toHexString(System.nanoTime());
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path signed = dir.resolve("server.pem");
        Path caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Outpost Test CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storetype",
                "PKCS12", "-storepass", pw, "-keypass", pw);
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", "2", "-keystore", server.toString(), "-storetype", "PKCS12",
                "-storepass", pw, "-keypass", pw);
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", pw, "-file",
                csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", pw, "-infile", csr.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "2", "-ext", "san=dns:localhost", "-ext",
                "eku=serverAuth");
        writePem(caPem, load(ca, pw.toCharArray()).getCertificate("ca"));
        keytool("-importcert", "-alias", "ca", "-keystore", server.toString(), "-storepass", pw, "-file",
                caPem.toString(), "-noprompt");
        keytool("-importcert", "-alias", "server", "-keystore", server.toString(), "-storepass", pw, "-file",
                signed.toString(), "-noprompt");
        Path publicRoot = dir.resolve("public-root.pem");
        writePem(publicRoot, anyJavaRoot());
        return new TestPki(caPem, publicRoot, server, pw.toCharArray());
    }

    /** The TLS context the test server presents: the server certificate with its chain to the test CA. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(serverKeyStore, password), password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static KeyStore load(Path file, char[] pw) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, pw);
        }
        return ks;
    }

    private static X509Certificate anyJavaRoot() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        return tm.getAcceptedIssuers()[0];
    }

    private static void writePem(Path file, Certificate cert) throws IOException, GeneralSecurityException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        Collections.addAll(cmd, "-J-Xshare:auto", "-J-XX:TieredStopAtLevel=1");
        Collections.addAll(cmd, args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
