package org.outpost.sync.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificate authorities may vouch for the sync server.
 *
 * <p>Without a pinned CA the server must present a chain to an authority in Java's trust store or, on Windows
 * and macOS, the operating system's root store (so a CA the hospital IT rolled out to every machine works).
 *
 * <p>With a pinned CA file, <em>only</em> the CAs in that file are trusted, not the system stores as well. The
 * point of pinning is to narrow trust to the one authority that issued the research server's certificate: a
 * union with the ~150 public roots would still let any of them (or a TLS-inspecting middlebox whose root IT
 * installed) impersonate the server, so "pinned" would add nothing against the threat it exists for. The cost
 * is that a server moving to a different CA needs the new file; that is a deliberate, visible step.
 */
public final class ServerTrust {
    private final List<X509Certificate> pinned;

    private ServerTrust(List<X509Certificate> pinned) {
        this.pinned = List.copyOf(pinned);
    }

    /** Trust the Java and operating-system root stores. */
    public static ServerTrust systemDefault() {
        return new ServerTrust(List.of());
    }

    /**
     * Trust only the CA certificate(s) in a PEM file.
     *
     * @throws SyncSetupException if the file cannot be read or holds no certificate
     */
    public static ServerTrust pinned(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends java.security.cert.Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> x509 = new ArrayList<>();
            for (var c : certs) {
                x509.add((X509Certificate) c);
            }
            if (x509.isEmpty()) {
                throw new SyncSetupException("The pinned CA file " + pemFile.getFileName()
                        + " holds no certificate; it should be a PEM file starting with -----BEGIN CERTIFICATE-----.");
            }
            return new ServerTrust(x509);
        } catch (IOException e) {
            throw new SyncSetupException("The pinned CA file " + pemFile + " cannot be read.", e);
        } catch (CertificateException e) {
            throw new SyncSetupException("The pinned CA file " + pemFile.getFileName()
                    + " is not a PEM certificate file.", e);
        }
    }

    /** Either {@link #pinned(Path)} or {@link #systemDefault()}. */
    public static ServerTrust of(Optional<Path> pinnedCaPem) {
        return pinnedCaPem.map(ServerTrust::pinned).orElseGet(ServerTrust::systemDefault);
    }

    public boolean isPinned() {
        return !pinned.isEmpty();
    }

    /** A TLS context that validates server chains against exactly this policy's anchors. */
    public SSLContext sslContext() {
        try {
            X509TrustManager trust = isPinned() ? managerFor(pinnedStore()) : systemManager();
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new SyncSetupException("The TLS trust settings could not be prepared.", e);
        }
    }

    /** Words for a failed certificate check, naming where trust was looked for. */
    String untrustedMessage(String host) {
        return "The server's certificate is not trusted: " + host + " presented a certificate that is not signed by "
                + (isPinned() ? "the pinned CA (" + pinned.getFirst().getSubjectX500Principal().getName() + ")"
                        : "a certificate authority this computer trusts")
                + ". Nothing was sent. If this is the right server, ask its administrator for the CA file and set it"
                + " as the pinned CA in the sync settings.";
    }

    private KeyStore pinnedStore() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        for (int i = 0; i < pinned.size(); i++) {
            ks.setCertificateEntry("pinned-" + i, pinned.get(i));
        }
        return ks;
    }

    private static X509TrustManager systemManager() throws GeneralSecurityException, IOException {
        List<X509TrustManager> managers = new ArrayList<>();
        managers.add(managerFor(null)); // the JDK's cacerts (or javax.net.ssl.trustStore if set)
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String osStore = os.startsWith("windows") ? "Windows-ROOT" : os.contains("mac") ? "KeychainStore-ROOT" : null;
        if (osStore != null) {
            try {
                KeyStore ks = KeyStore.getInstance(osStore);
                ks.load(null, null);
                managers.add(managerFor(ks));
            } catch (GeneralSecurityException | IOException e) {
                // an older JDK without this store: Java's own store still applies
            }
        }
        return managers.size() == 1 ? managers.getFirst() : new AnyOfTrustManager(managers);
    }

    private static X509TrustManager managerFor(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return Arrays.stream(tmf.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X509TrustManager"));
    }

    /** Accepts a chain if any of the stores does; host names are checked separately by the HTTP client. */
    private record AnyOfTrustManager(List<X509TrustManager> managers) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException first = null;
            for (X509TrustManager m : managers) {
                try {
                    m.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            throw first;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
