package org.outpost.store.keys;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.outpost.app.port.StoreException;

/**
 * Reads and writes the key-slot file ({@code keys.properties}), a plain properties file:
 *
 * <pre>
 * format=1
 * kdf=PBKDF2WithHmacSHA256
 * cipher=AES/GCM/NoPadding
 * slot.&lt;user&gt;.iterations=600000
 * slot.&lt;user&gt;.salt=&lt;base64&gt;
 * slot.&lt;user&gt;.nonce=&lt;base64&gt;
 * slot.&lt;user&gt;.key=&lt;base64 of the wrapped data key with its GCM tag&gt;
 * </pre>
 *
 * Format 2 ({@code format=2}) may still hold such format-1 slots (users who have not signed in since the
 * upgrade); its own slots have, instead of {@code key}:
 *
 * <pre>
 * slot.&lt;user&gt;.privateKey=&lt;base64 of the X25519 private key, AES-GCM under the password's KEK&gt;
 * slot.&lt;user&gt;.publicKey=&lt;base64 X.509 X25519 public key&gt;
 * slot.&lt;user&gt;.generation=&lt;which data key is sealed: 1, 2, ...&gt;
 * slot.&lt;user&gt;.ephemeral=&lt;base64 one-time X25519 public key of the seal&gt;
 * slot.&lt;user&gt;.sealNonce=&lt;base64 AES-GCM nonce of the seal&gt;
 * slot.&lt;user&gt;.sealedKey=&lt;base64 data key sealed to publicKey, GCM tag included&gt;
 * slot.&lt;user&gt;.binding=&lt;base64 HMAC under the data key of user, generation and publicKey&gt;
 * </pre>
 *
 * Nothing in it is usable without a password. Writes are atomic. A format newer than this code knows is
 * refused with a message saying to update Outpost.
 */
public final class KeySlotFile {
    /** File name inside the data directory. */
    public static final String NAME = "keys.properties";
    /** Message for a key file that cannot be read as one. */
    public static final String DAMAGED = "The key file (" + NAME + ") is damaged or is not an Outpost key file";

    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final String CIPHER = "AES/GCM/NoPadding";

    private static final java.util.Set<String> FORMAT_1_FIELDS = java.util.Set.of("iterations", "salt", "nonce", "key");
    private static final java.util.Set<String> FORMAT_2_FIELDS = java.util.Set.of("iterations", "salt", "nonce",
            "privateKey", "publicKey", "generation", "ephemeral", "sealNonce", "sealedKey", "binding");

    private KeySlotFile() {
    }

    /** Reads the slots; a missing, unreadable or malformed file is a {@link StoreException}. */
    public static KeySlots read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StoreException("The key file (" + NAME + ") is missing from the data directory");
        } catch (IOException e) {
            throw new StoreException("The key file (" + NAME + ") cannot be read");
        }
        return parse(bytes);
    }

    /** Parses key-file bytes (also used for the copy inside a backup). */
    public static KeySlots parse(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            Properties p = new Properties();
            p.load(new StringReader(text));
            String format = p.getProperty("format");
            if (format == null || !KDF.equals(p.getProperty("kdf")) || !CIPHER.equals(p.getProperty("cipher"))) {
                throw new StoreException(DAMAGED);
            }
            int version = Integer.parseInt(format.strip());
            if (version > KeyWrapper.FORMAT_VERSION) {
                throw new StoreException("The key file was written by a newer version of Outpost; update Outpost");
            }
            if (version < 1) {
                throw new StoreException(DAMAGED);
            }
            Map<String, Map<String, String>> byUser = new HashMap<>();
            for (String name : p.stringPropertyNames()) {
                if (!name.startsWith("slot.")) {
                    continue;
                }
                int dot = name.lastIndexOf('.');
                if (dot <= "slot.".length()) {
                    throw new StoreException(DAMAGED);
                }
                byUser.computeIfAbsent(name.substring("slot.".length(), dot), u -> new HashMap<>())
                        .put(name.substring(dot + 1), p.getProperty(name).strip());
            }
            Base64.Decoder b64 = Base64.getDecoder();
            Map<String, KeySlot> slots = new TreeMap<>();
            for (Map.Entry<String, Map<String, String>> e : byUser.entrySet()) {
                Map<String, String> f = e.getValue();
                int iterations = Integer.parseInt(f.get("iterations") == null ? "x" : f.get("iterations"));
                if (f.keySet().equals(FORMAT_1_FIELDS)) {
                    slots.put(e.getKey(), new KeySlot(e.getKey(), iterations,
                            b64.decode(f.get("salt")), b64.decode(f.get("nonce")), b64.decode(f.get("key"))));
                } else if (version >= 2 && f.keySet().equals(FORMAT_2_FIELDS)) {
                    SealedKey sealed = new SealedKey(b64.decode(f.get("publicKey")),
                            Integer.parseInt(f.get("generation")), b64.decode(f.get("ephemeral")),
                            b64.decode(f.get("sealNonce")), b64.decode(f.get("sealedKey")), b64.decode(f.get("binding")));
                    slots.put(e.getKey(), new KeySlot(e.getKey(), iterations, b64.decode(f.get("salt")),
                            b64.decode(f.get("nonce")), b64.decode(f.get("privateKey")), sealed));
                } else {
                    throw new StoreException(DAMAGED);
                }
            }
            return new KeySlots(version, slots);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            // bad UTF-8, bad number, bad base64 (NumberFormatException is an IllegalArgumentException)
            throw new StoreException(DAMAGED);
        } catch (IOException e) {
            throw new StoreException(DAMAGED);
        }
    }

    /** The file's bytes for {@code slots}. */
    public static byte[] format(KeySlots slots) {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder();
        out.append("# Outpost key slots: per user, a private key wrapped with a key derived from that user's\n")
                .append("# password and the database key sealed to its public key. Useless without a password.\n")
                .append("# Do not edit.\n")
                .append("format=").append(slots.formatVersion()).append('\n')
                .append("kdf=").append(KDF).append('\n')
                .append("cipher=").append(CIPHER).append('\n');
        for (KeySlot s : new TreeMap<>(slots.slots()).values()) {
            String prefix = "slot." + s.username() + ".";
            out.append(prefix).append("iterations=").append(s.iterations()).append('\n')
                    .append(prefix).append("salt=").append(b64.encodeToString(s.salt())).append('\n')
                    .append(prefix).append("nonce=").append(b64.encodeToString(s.nonce())).append('\n');
            if (s.sealedKey().isEmpty()) {
                out.append(prefix).append("key=").append(b64.encodeToString(s.wrapped())).append('\n');
                continue;
            }
            SealedKey k = s.sealedKey().get();
            out.append(prefix).append("privateKey=").append(b64.encodeToString(s.wrapped())).append('\n')
                    .append(prefix).append("publicKey=").append(b64.encodeToString(k.publicKey())).append('\n')
                    .append(prefix).append("generation=").append(k.generation()).append('\n')
                    .append(prefix).append("ephemeral=").append(b64.encodeToString(k.ephemeral())).append('\n')
                    .append(prefix).append("sealNonce=").append(b64.encodeToString(k.nonce())).append('\n')
                    .append(prefix).append("sealedKey=").append(b64.encodeToString(k.sealed())).append('\n')
                    .append(prefix).append("binding=").append(b64.encodeToString(k.binding())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Atomically replaces the key file with {@code slots}. */
    public static void write(Path file, KeySlots slots) {
        try {
            SecureFiles.writeAtomically(file, format(slots));
        } catch (IOException e) {
            throw new StoreException("The key file (" + NAME + ") could not be written: check the disk and permissions");
        }
    }
}
