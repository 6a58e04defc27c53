package org.outpost.sync.transport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.StringType;

/**
 * The audit chain head as a FHIR {@code Basic} resource the server keeps: one resource per site with a stable
 * id, so every checkpoint is an update of the same resource and the server's version history is the list of
 * checkpoints it received. {@code Basic} rather than {@code AuditEvent}/{@code Provenance}: those describe one
 * event or one target, while this is a running summary (hash and length of the whole local chain) that someone
 * comparing the clinic's log with the server later needs. It carries no patient or user data.
 */
public final class AuditCheckpoints {
    /** Code system for Outpost's own resource kinds. */
    public static final String KIND_SYSTEM = "urn:outpost:resource-kind";
    public static final String KIND_CODE = "audit-checkpoint";
    public static final String SITE_SYSTEM = "urn:outpost:site";
    public static final String EXT_HEAD_HASH = "urn:outpost:audit-checkpoint:head-sha256";
    public static final String EXT_LENGTH = "urn:outpost:audit-checkpoint:length";
    public static final String EXT_AT = "urn:outpost:audit-checkpoint:at";

    private AuditCheckpoints() {
    }

    /** The stable logical id of a site's checkpoint resource. */
    public static String resourceId(String siteId) {
        return "outpost-audit-" + siteId;
    }

    /**
     * Builds the checkpoint resource.
     *
     * @param auditHeadHash hex SHA-256 of the newest audit row (64 hex digits)
     * @param auditLength number of rows in the chain
     */
    public static Basic resource(String siteId, String auditHeadHash, long auditLength, Instant at) {
        if (auditHeadHash == null || auditHeadHash.length() != 64 || !isHex(auditHeadHash)) {
            throw new IllegalArgumentException("audit head must be 64 hex digits");
        }
        if (auditLength < 0) {
            throw new IllegalArgumentException("audit length must not be negative");
        }
        Basic basic = new Basic();
        basic.setId(resourceId(siteId));
        basic.setCode(new CodeableConcept(new Coding(KIND_SYSTEM, KIND_CODE, "Outpost audit chain checkpoint")));
        basic.addIdentifier(new Identifier().setSystem(SITE_SYSTEM).setValue(siteId));
        basic.addExtension(EXT_HEAD_HASH, new StringType(auditHeadHash.toLowerCase(java.util.Locale.ROOT)));
        basic.addExtension(EXT_LENGTH, new DecimalType(BigDecimal.valueOf(auditLength)));
        basic.addExtension(EXT_AT, new InstantType(Date.from(at)));
        return basic;
    }

    private static boolean isHex(String s) {
        try {
            HexFormat.of().parseHex(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
