package org.outpost.app.content;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The detached signature of a bundle's manifest: the text file {@value #FILE_NAME} beside
 * {@value ContentManifest#FILE_NAME}, in the same strict format:
 * <pre>
 * format     outpost-content-signature/1
 * key        &lt;key id: 16 hex digits, see TrustedKeys#keyId&gt;
 * algorithm  Ed25519
 * signature  &lt;the 64-byte Ed25519 signature over manifest.tsv's exact bytes, base64&gt;
 * </pre>
 *
 * @param keyId     which trusted key verifies it
 * @param signature the Ed25519 signature bytes
 */
public record ContentSignature(String keyId, byte[] signature) {
    public static final String FILE_NAME = "manifest.sig";
    static final String FORMAT = "outpost-content-signature/1";
    static final String ALGORITHM = "Ed25519";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final int SIGNATURE_BYTES = 64;

    public ContentSignature {
        Objects.requireNonNull(keyId, "keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 16 lower-case hex digits: " + keyId);
        }
        signature = signature.clone();
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes, not " + signature.length);
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public byte[] toBytes() {
        return ("format\t" + FORMAT + "\nkey\t" + keyId + "\nalgorithm\t" + ALGORITHM + "\nsignature\t"
                + Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static ContentSignature parse(byte[] bytes) throws ContentRefusedException {
        List<List<String>> lines = StrictLines.parse(FILE_NAME, bytes);
        List<String> keys = List.of("format", "key", "algorithm", "signature");
        if (lines.size() != keys.size()) {
            throw new ContentRefusedException(FILE_NAME, "has " + lines.size() + " lines, not the 4 of "
                    + String.join(", ", keys));
        }
        for (int i = 0; i < keys.size(); i++) {
            List<String> line = lines.get(i);
            if (!line.getFirst().equals(keys.get(i)) || line.size() != 2) {
                throw new ContentRefusedException(FILE_NAME, "line " + (i + 1) + " is not '" + keys.get(i)
                        + "' and one value");
            }
        }
        if (!lines.get(0).get(1).equals(FORMAT)) {
            throw new ContentRefusedException(FILE_NAME, "format '" + ContentManifest.safe(lines.get(0).get(1))
                    + "' is not " + FORMAT);
        }
        if (!lines.get(2).get(1).equals(ALGORITHM)) {
            throw new ContentRefusedException(FILE_NAME, "algorithm '" + ContentManifest.safe(lines.get(2).get(1))
                    + "' is not " + ALGORITHM);
        }
        String keyId = lines.get(1).get(1);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new ContentRefusedException(FILE_NAME, "key id '" + ContentManifest.safe(keyId)
                    + "' is not 16 lower-case hex digits");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(lines.get(3).get(1));
        } catch (IllegalArgumentException e) {
            throw new ContentRefusedException(FILE_NAME, "the signature is not base64");
        }
        if (signature.length != SIGNATURE_BYTES) {
            throw new ContentRefusedException(FILE_NAME, "the signature is " + signature.length
                    + " bytes, an Ed25519 signature is 64");
        }
        ContentSignature parsed = new ContentSignature(keyId, signature);
        if (!Arrays.equals(parsed.toBytes(), bytes)) {
            throw new ContentRefusedException(FILE_NAME, "is not written the one way a signature file is written");
        }
        return parsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentSignature s && s.keyId.equals(keyId) && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "ContentSignature[keyId=" + keyId + "]";
    }
}
