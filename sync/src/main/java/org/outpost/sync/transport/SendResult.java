package org.outpost.sync.transport;

import java.util.List;
import java.util.Objects;

/**
 * What the server said about one send. Only {@link Confirmed} means the server holds the data; the outbox row
 * may be marked sent on nothing else.
 */
public sealed interface SendResult {

    /** Every entry of the transaction came back 200 or 201 (204 for a delete): the server holds the summary. */
    record Confirmed(List<EntryOutcome> entries) implements SendResult {
        public Confirmed {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The server understood the request and refused it (a 4xx other than "try later"). Sending the same bytes
     * again would be refused again, so the row waits for a person, with the server's reason in words.
     *
     * @param httpStatus the status code
     * @param reason the OperationOutcome's issues, or the status text when the server sent none
     */
    record Rejected(int httpStatus, String reason) implements SendResult {
        public Rejected {
            Objects.requireNonNull(reason);
        }
    }

    /**
     * The server may or may not have stored the summary; it did not say so. Retry later: sends are idempotent
     * (PUT to stable ids), so a repeat of something the server did store changes nothing.
     *
     * @param why what went wrong, in a clinician-readable sentence, without patient data
     */
    record NotConfirmed(Reason reason, String why) implements SendResult {
        public NotConfirmed {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(why);
        }

        /** Retrying cannot help until someone changes the settings (e.g. the certificate is not trusted). */
        public boolean needsSettingsChange() {
            return reason == Reason.CERTIFICATE_NOT_TRUSTED;
        }
    }

    /** Why a send is not confirmed. */
    enum Reason {
        /** No connection could be opened: server or network down. Nothing reached the server. */
        UNREACHABLE,
        /** The server did not answer within the read timeout; it may have stored the summary. */
        TIMEOUT,
        /** The connection broke before the full answer arrived; the server may have stored the summary. */
        CONNECTION_LOST,
        /** A 5xx, 408, 409 or 429: the server (or a gateway) failed or asked to try later. */
        SERVER_ERROR,
        /** A 2xx whose content does not show every entry stored. */
        UNEXPECTED_RESPONSE,
        /** TLS failed: the certificate chain or host name did not check out. Nothing was sent. */
        CERTIFICATE_NOT_TRUSTED
    }

    /**
     * The server's answer for one transaction entry.
     *
     * @param status e.g. {@code "201 Created"}
     * @param location e.g. {@code "Patient/ab12…/_history/1"}, or empty
     * @param versionId the version the server now holds, or empty
     */
    record EntryOutcome(String status, String location, String versionId) {
        public EntryOutcome {
            Objects.requireNonNull(status);
            location = location == null ? "" : location;
            versionId = versionId == null ? "" : versionId;
        }

        public int statusCode() {
            String s = status.strip();
            int end = 0;
            while (end < s.length() && Character.isDigit(s.charAt(end))) {
                end++;
            }
            return end == 0 ? -1 : Integer.parseInt(s.substring(0, end));
        }
    }
}
