package org.outpost.sync.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.PatientId;

/** The pseudonym is HMAC-SHA256(site secret, internal patient id): stable per site, different between sites. */
class PseudonymTest {
    private static final PatientId PATIENT = PatientId.parse("3f6d1c1e-4a0b-4d8e-9c62-0b7d9a1e5f21");

    private static PseudonymKey secret(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return PseudonymKey.of(key);
    }

    @Test
    void isHmacSha256AsRfc4231TestCase6Computes() {
        // RFC 4231 section 4.7, test case 6: a 131-byte key of 0xaa (longer than the block size).
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        assertThat(PseudonymKey.of(key).hmacHex("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void theSamePatientAtTheSameSiteAlwaysGetsTheSamePseudonym() {
        assertThat(Pseudonym.of(secret(1), PATIENT)).isEqualTo(Pseudonym.of(secret(1), PATIENT));
        assertThat(Pseudonym.of(secret(1), PATIENT).hex()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void anotherSiteSecretGivesAnotherPseudonym() {
        assertThat(Pseudonym.of(secret(1), PATIENT)).isNotEqualTo(Pseudonym.of(secret(2), PATIENT));
    }

    @Test
    void anotherPatientGivesAnotherPseudonym() {
        assertThat(Pseudonym.of(secret(1), PATIENT)).isNotEqualTo(Pseudonym.of(secret(1), PatientId.random()));
    }

    @Test
    void theHmacInputIsThePatientIdText() {
        assertThat(Pseudonym.of(secret(7), PATIENT).hex()).isEqualTo(secret(7).hmacHex(PATIENT.toString()));
    }

    @Test
    void aShortSecretIsRefusedAndASecretIsNeverPrinted() {
        assertThatThrownBy(() -> PseudonymKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(secret(1).toString()).doesNotContain("1").isEqualTo("PseudonymKey[hidden]");
        assertThat(PseudonymKey.random()).isNotEqualTo(PseudonymKey.random());
    }

    @Test
    void onlyLowerCaseHexOfLength64IsAPseudonym() {
        assertThatThrownBy(() -> new Pseudonym("MRN-12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pseudonym("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }
}
