package org.outpost.sync.transport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends de-identified summaries to a FHIR R4 server with HAPI's generic client and reports exactly what the
 * server confirmed.
 *
 * <p>One summary is one FHIR transaction, so the server stores all of it or none of it. Every entry must be
 * an idempotent {@code PUT} to a stable id (or a conditional {@code PUT}, or a {@code DELETE}): that is what
 * makes a resend after a timeout or a dropped connection harmless, and it is checked before anything is sent.
 * The result is {@link SendResult.Confirmed} only when the transaction-response lists every entry as 200/201
 * (204/200 for deletes); a timeout is {@link SendResult.NotConfirmed}, never success.
 *
 * <p>The HTTP client is built here, with this server's timeouts and TLS trust and without automatic retries or
 * redirects: retrying is the sync loop's decision (with backoff), and a redirect must not quietly move
 * summaries elsewhere. HAPI looks the REST client factory up on the {@link FhirContext} at every request
 * (not on the client), so the transport installs its factory on the context it is given: share that context
 * for parsing and building resources, but let no other REST client use it, and close one transport before
 * making the next on the same context (the constructor refuses while another is open). Nothing
 * here logs resource content, ids or the bearer token; do not enable Apache HttpClient's wire log
 * ({@code org.apache.http.wire}) in production, as it would print the token header.
 */
public final class FhirSummaryTransport implements SummarySender, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FhirSummaryTransport.class);
    /** Statuses that say "try again later" rather than "this request is wrong". */
    private static final Set<Integer> RETRYABLE_4XX = Set.of(408, 409, 425, 429);
    private static final Pattern HISTORY = Pattern.compile(".*/_history/([^/]+)$");
    private static final Pattern ID_URL = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern CONDITIONAL_URL = Pattern.compile("[A-Z][A-Za-z]+\\?.+");
    private static final int MAX_REASON_CHARS = 600;

    private final FhirContext fhir;
    private final ConnectionSettings settings;
    private final CloseableHttpClient http;
    private final OwnedClientFactory factory;
    private final IGenericClient client;
    private volatile boolean closed;

    /**
     * @param fhir the application's R4 context (expensive to create: make one and share it)
     * @param settings server, trust, token and timeouts
     */
    public FhirSummaryTransport(FhirContext fhir, ConnectionSettings settings) {
        this.fhir = fhir;
        this.settings = settings;
        this.http = httpClient(settings);
        this.factory = new OwnedClientFactory(fhir, this);
        factory.setHttpClient(http);
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        synchronized (fhir) {
            if (fhir.getRestfulClientFactory() instanceof OwnedClientFactory other && !other.owner.closed) {
                close();
                throw new IllegalStateException("another FhirSummaryTransport is open on this FhirContext;"
                        + " close it first");
            }
            fhir.setRestfulClientFactory(factory);
        }
        this.client = factory.newGenericClient(settings.server().base().toString());
        client.setEncoding(EncodingEnum.JSON);
        client.setPrettyPrint(false);
        settings.token().ifPresent(t -> client.registerInterceptor(new BearerTokenAuthInterceptor(t.value())));
    }

    /** Sends {@code summary}, encoding it here (callers that keep the JSON use {@link #send(Bundle, String)}). */
    public SendResult send(Bundle summary) {
        checkedEntries(summary);
        return send(summary, fhir.newJsonParser().setPrettyPrint(false).encodeResourceToString(summary));
    }

    @Override
    public SendResult send(Bundle summary, String json) {
        List<BundleEntryComponent> entries = checkedEntries(summary);
        try {
            // the body goes as it is: encoding a 50 KB summary costs about a millisecond, and the outbox already
            // did it once for "what was sent", which is then byte for byte what the server received
            String answer = client.transaction().withBundle(json).execute();
            EncodingEnum format = answer == null ? null : EncodingEnum.detectEncodingNoDefault(answer);
            if (format == null) {
                return new SendResult.NotConfirmed(SendResult.Reason.UNEXPECTED_RESPONSE,
                        "The server's answer was not FHIR, so storage is not confirmed.");
            }
            Bundle response = format.newParser(fhir).parseResource(Bundle.class, answer);
            SendResult result = judge(entries, response);
            LOG.debug("Summary of {} entries sent: {}", entries.size(), result.getClass().getSimpleName());
            return result;
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    @Override
    public SendResult checkpoint(String auditHeadHash, long auditLength, Instant at) {
        Basic basic = AuditCheckpoints.resource(settings.siteId(), auditHeadHash, auditLength, at);
        try {
            MethodOutcome outcome = client.update().resource(basic).execute();
            int status = outcome.getResponseStatusCode();
            String version = outcome.getId() == null ? "" : outcome.getId().getVersionIdPart();
            String location = outcome.getId() == null ? "" : outcome.getId().toUnqualified().getValue();
            if (status != 200 && status != 201) {
                return new SendResult.NotConfirmed(SendResult.Reason.UNEXPECTED_RESPONSE,
                        "The server answered the audit checkpoint with HTTP " + status + " instead of 200/201.");
            }
            return new SendResult.Confirmed(List.of(new SendResult.EntryOutcome(
                    status == 201 ? "201 Created" : "200 OK", location, version)));
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /** Closes connections; a send in flight ends as {@link SendResult.Reason#CONNECTION_LOST}. */
    @Override
    public void close() {
        closed = true;
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("Closing the sync HTTP client failed", e);
        }
    }

    /** Marks the context's factory as belonging to a transport, so a second one cannot silently take it over. */
    private static final class OwnedClientFactory extends ApacheRestfulClientFactory {
        final FhirSummaryTransport owner;

        OwnedClientFactory(FhirContext fhir, FhirSummaryTransport owner) {
            super(fhir);
            this.owner = owner;
        }
    }

    private static List<BundleEntryComponent> checkedEntries(Bundle summary) {
        if (summary.getType() != Bundle.BundleType.TRANSACTION) {
            throw new IllegalArgumentException("a summary must be a transaction bundle");
        }
        if (summary.getEntry().isEmpty()) {
            throw new IllegalArgumentException("a summary must have at least one entry");
        }
        for (BundleEntryComponent e : summary.getEntry()) {
            HTTPVerb verb = e.getRequest().getMethod();
            String url = e.getRequest().getUrl();
            boolean idempotent = (verb == HTTPVerb.PUT && e.hasResource() && isIdOrConditionalUrl(url))
                    || (verb == HTTPVerb.DELETE && url != null && !url.isBlank());
            if (!idempotent) {
                throw new IllegalArgumentException("summary entries must be PUT Type/id, PUT Type?search or DELETE,"
                        + " so that a resend cannot duplicate data; found " + verb);
            }
        }
        return summary.getEntry();
    }

    private static boolean isIdOrConditionalUrl(String url) {
        return url != null && (ID_URL.matcher(url).matches() || CONDITIONAL_URL.matcher(url).matches());
    }

    private static SendResult judge(List<BundleEntryComponent> sent, Bundle response) {
        if (response == null || response.getType() != Bundle.BundleType.TRANSACTIONRESPONSE) {
            return new SendResult.NotConfirmed(SendResult.Reason.UNEXPECTED_RESPONSE,
                    "The server's answer was not a transaction response, so storage is not confirmed.");
        }
        if (response.getEntry().size() != sent.size()) {
            return new SendResult.NotConfirmed(SendResult.Reason.UNEXPECTED_RESPONSE, "The server answered for "
                    + response.getEntry().size() + " of " + sent.size() + " entries, so storage is not confirmed.");
        }
        List<SendResult.EntryOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Bundle.BundleEntryResponseComponent r = response.getEntry().get(i).getResponse();
            SendResult.EntryOutcome outcome = new SendResult.EntryOutcome(
                    r.getStatus() == null ? "" : r.getStatus(), r.getLocation(), versionOf(r));
            boolean delete = sent.get(i).getRequest().getMethod() == HTTPVerb.DELETE;
            int code = outcome.statusCode();
            boolean stored = delete ? code == 200 || code == 204 : code == 200 || code == 201;
            if (!stored) {
                return new SendResult.NotConfirmed(SendResult.Reason.UNEXPECTED_RESPONSE, "Entry " + (i + 1)
                        + " came back '" + outcome.status() + "' instead of 200/201, so storage is not confirmed.");
            }
            outcomes.add(outcome);
        }
        return new SendResult.Confirmed(outcomes);
    }

    private static String versionOf(Bundle.BundleEntryResponseComponent r) {
        String etag = r.getEtag();
        if (etag != null && !etag.isBlank()) {
            return etag.replaceFirst("^W/", "").replace("\"", "");
        }
        var m = r.getLocation() == null ? null : HISTORY.matcher(r.getLocation());
        return m != null && m.matches() ? m.group(1) : "";
    }

    private SendResult classify(RuntimeException e) {
        if (e instanceof FhirClientConnectionException) {
            return connectionProblem(e);
        }
        if (e instanceof BaseServerResponseException bsre) {
            int status = bsre.getStatusCode();
            if (status >= 500 || RETRYABLE_4XX.contains(status)) {
                LOG.info("Sync server answered HTTP {}; will retry later", status);
                return new SendResult.NotConfirmed(SendResult.Reason.SERVER_ERROR,
                        "The server could not store the summary now (HTTP " + status + "); it will be sent again.");
            }
            if (status >= 400) {
                String reason = outcomeText(bsre);
                LOG.warn("Sync server rejected a summary: HTTP {}", status);
                return new SendResult.Rejected(status, reason);
            }
            return new SendResult.NotConfirmed(SendResult.Reason.UNEXPECTED_RESPONSE,
                    "The server answered HTTP " + status + ", which does not confirm storage.");
        }
        if (e instanceof DataFormatException) {
            return new SendResult.NotConfirmed(SendResult.Reason.UNEXPECTED_RESPONSE,
                    "The server's answer could not be read as FHIR, so storage is not confirmed.");
        }
        throw e;
    }

    private SendResult connectionProblem(RuntimeException e) {
        String host = settings.server().host();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException) {
                return new SendResult.NotConfirmed(SendResult.Reason.CERTIFICATE_NOT_TRUSTED,
                        "The server's certificate is not trusted: it was issued for a different name than " + host
                                + ". Nothing was sent. Check the server address in the sync settings.");
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || (t instanceof SSLHandshakeException && isCertificateProblem(t))) {
                return new SendResult.NotConfirmed(SendResult.Reason.CERTIFICATE_NOT_TRUSTED,
                        settings.trust().untrustedMessage(host));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return new SendResult.NotConfirmed(SendResult.Reason.UNREACHABLE,
                        "The sync server " + host + " cannot be reached; summaries stay queued on this computer.");
            }
            if (t instanceof SocketTimeoutException) {
                return new SendResult.NotConfirmed(SendResult.Reason.TIMEOUT, "The sync server did not answer within "
                        + settings.readTimeout().toSeconds() + " s; the summary is not confirmed and will be sent again.");
            }
            if (t instanceof InterruptedIOException) {
                return new SendResult.NotConfirmed(SendResult.Reason.CONNECTION_LOST,
                        "The send was interrupted; the summary is not confirmed and will be sent again.");
            }
        }
        return new SendResult.NotConfirmed(SendResult.Reason.CONNECTION_LOST, "The connection to the sync server"
                + " broke before it confirmed the summary; it will be sent again.");
    }

    private static boolean isCertificateProblem(Throwable handshake) {
        for (Throwable t = handshake; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        String m = String.valueOf(handshake.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("pkix") || m.contains("certificate");
    }

    private static String outcomeText(BaseServerResponseException e) {
        IBaseOperationOutcome base = e.getOperationOutcome();
        String text = "";
        if (base instanceof OperationOutcome oo && oo.hasIssue()) {
            text = oo.getIssue().stream()
                    .map(i -> {
                        String words = i.getDetails().hasText() ? i.getDetails().getText() : i.getDiagnostics();
                        String sev = i.getSeverity() == null ? "" : i.getSeverity().toCode() + ": ";
                        return sev + (words == null ? i.getCode() == null ? "" : i.getCode().toCode() : words);
                    })
                    .collect(Collectors.joining("; "));
        }
        if (text.isBlank()) {
            text = "HTTP " + e.getStatusCode() + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
        return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + "…" : text;
    }

    private static CloseableHttpClient httpClient(ConnectionSettings s) {
        RegistryBuilder<ConnectionSocketFactory> schemes = RegistryBuilder.create();
        if (s.server().isHttps()) {
            schemes.register("https", new SSLConnectionSocketFactory(s.trust().sslContext(),
                    new String[] {"TLSv1.3", "TLSv1.2"}, null, new DefaultHostnameVerifier()));
        } else {
            // ServerUrl only lets plain http through for loopback
            schemes.register("http", PlainConnectionSocketFactory.getSocketFactory());
        }
        Registry<ConnectionSocketFactory> registry = schemes.build();
        PoolingHttpClientConnectionManager pool =
                new PoolingHttpClientConnectionManager(registry, null, null, null, 60, TimeUnit.SECONDS);
        pool.setMaxTotal(4);
        pool.setDefaultMaxPerRoute(4);
        pool.setValidateAfterInactivity(1000);
        int connect = (int) Math.min(Integer.MAX_VALUE, s.connectTimeout().toMillis());
        int read = (int) Math.min(Integer.MAX_VALUE, s.readTimeout().toMillis());
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(connect)
                .setConnectionRequestTimeout(connect)
                .setSocketTimeout(read)
                .setRedirectsEnabled(false)
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(config)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("Outpost-sync")
                .build();
    }
}
