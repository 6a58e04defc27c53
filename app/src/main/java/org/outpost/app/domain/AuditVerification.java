package org.outpost.app.domain;

import java.util.OptionalLong;

/**
 * Result of checking the audit hash chain.
 *
 * @param rowsChecked how many rows were read
 * @param firstBroken the sequence number of the first row whose hash or link does not match
 * @param reason      why that row is broken, empty when intact
 */
public record AuditVerification(long rowsChecked, OptionalLong firstBroken, String reason) {
    public boolean intact() {
        return firstBroken.isEmpty();
    }

    public static AuditVerification ok(long rows) {
        return new AuditVerification(rows, OptionalLong.empty(), "");
    }

    public static AuditVerification broken(long rows, long sequence, String reason) {
        return new AuditVerification(rows, OptionalLong.of(sequence), reason);
    }
}
