package org.outpost.app.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs and verifies a bundle folder (see the {@linkplain org.outpost.app.content package} for the layout). The
 * one check every loader of updated content uses — clinical tables today, model files next:
 * <pre>
 * VerifiedBundle b = SignedBundle.verify(folder, TrustedKeys.shipped());   // or ContentRefusedException
 * </pre>
 */
public final class SignedBundle {
    /** Larger manifests or signature files are refused unread. */
    static final int MAX_MANIFEST_BYTES = 1 << 20;
    static final int MAX_SIGNATURE_BYTES = 4096;

    private SignedBundle() {
    }

    /**
     * The bundle in {@code dir} when its signature verifies with one of {@code keys} and its files are exactly the
     * manifest's: each listed file present with its size and SHA-256, no other file, no symbolic link.
     *
     * @throws ContentRefusedException naming the file and the reason, when any of that fails
     */
    public static VerifiedBundle verify(Path dir, TrustedKeys keys) throws ContentRefusedException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ContentRefusedException(Files.isSymbolicLink(dir) ? "is a symbolic link, not a folder"
                    : "is not a folder");
        }
        Path manifestFile = dir.resolve(ContentManifest.FILE_NAME);
        Path signatureFile = dir.resolve(ContentSignature.FILE_NAME);
        boolean hasManifest = Files.exists(manifestFile, LinkOption.NOFOLLOW_LINKS);
        boolean hasSignature = Files.exists(signatureFile, LinkOption.NOFOLLOW_LINKS);
        if (!hasSignature) {
            throw new ContentRefusedException("not signed: " + (hasManifest ? ContentSignature.FILE_NAME
                    : ContentManifest.FILE_NAME + " and " + ContentSignature.FILE_NAME) + " missing");
        }
        if (!hasManifest) {
            throw new ContentRefusedException(ContentManifest.FILE_NAME, "missing (the signature has nothing to sign)");
        }
        byte[] manifestBytes = readSmall(dir, ContentManifest.FILE_NAME, MAX_MANIFEST_BYTES);
        ContentSignature signature = ContentSignature.parse(readSmall(dir, ContentSignature.FILE_NAME,
                MAX_SIGNATURE_BYTES));
        TrustedKeys.TrustedKey key = keys.find(signature.keyId()).orElseThrow(() -> new ContentRefusedException(
                ContentSignature.FILE_NAME, "signed with key " + signature.keyId()
                + ", which this Outpost does not trust"));
        if (!SigningKey.verifies(key.publicKey(), manifestBytes, signature.signature())) {
            throw new ContentRefusedException(ContentManifest.FILE_NAME, "the signature does not verify: the "
                    + "manifest was changed after it was signed");
        }
        ContentManifest manifest = ContentManifest.parse(manifestBytes);
        checkFiles(dir, manifest);
        return new VerifiedBundle(dir, manifest, key);
    }

    /** Checks that the folder holds exactly the manifest's files, with their sizes and hashes. */
    private static void checkFiles(Path dir, ContentManifest manifest) throws ContentRefusedException {
        Map<String, Path> present = filesIn(dir);
        present.remove(ContentManifest.FILE_NAME);
        present.remove(ContentSignature.FILE_NAME);
        for (ContentManifest.ContentFile listed : manifest.files()) {
            Path file = present.remove(listed.path());
            if (file == null) {
                throw new ContentRefusedException(listed.path(), "listed in the manifest but missing");
            }
            long size = size(file, listed.path());
            if (size != listed.size()) {
                throw new ContentRefusedException(listed.path(), "is " + size + " bytes, the manifest says "
                        + listed.size() + " (changed after signing)");
            }
            if (!sha256(file, listed.path()).equals(listed.sha256())) {
                throw new ContentRefusedException(listed.path(), "its SHA-256 is not the manifest's (changed after "
                        + "signing)");
            }
        }
        if (!present.isEmpty()) {
            throw new ContentRefusedException(present.keySet().iterator().next(), "present but not listed in the "
                    + "manifest");
        }
    }

    /**
     * Every regular file under {@code dir} by its relative path ({@code /} between folders), refusing symbolic
     * links and anything that is neither a file nor a folder.
     */
    static Map<String, Path> filesIn(Path dir) throws ContentRefusedException {
        Map<String, Path> files = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String relative = relative(dir, f);
                    if (attrs.isSymbolicLink()) {
                        refused.add(relative + "\u0000is a symbolic link: bundles hold only plain files");
                        return FileVisitResult.TERMINATE;
                    }
                    if (!attrs.isRegularFile()) {
                        refused.add(relative + "\u0000is not a plain file");
                        return FileVisitResult.TERMINATE;
                    }
                    if (isDesktopLitter(String.valueOf(f.getFileName()))) {
                        return FileVisitResult.CONTINUE; // never read, never installed: a USB stick from a Mac has them
                    }
                    files.put(relative, f);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ContentRefusedException("cannot be read: " + e.getMessage());
        }
        if (!refused.isEmpty()) {
            String[] r = refused.getFirst().split("\u0000", 2);
            throw new ContentRefusedException(r[0], r[1]);
        }
        return files;
    }

    /**
     * Files a desktop leaves in every folder it shows — macOS Finder's {@code .DS_Store} and its {@code ._name}
     * AppleDouble companions, Windows Explorer's {@code Thumbs.db} and {@code desktop.ini}. A bundle copied with a
     * Mac or Windows machine carries them; they are not part of the bundle, so they are neither listed, signed,
     * checked nor installed (Outpost reads only the listed files). Anything else unlisted is still refused.
     */
    static boolean isDesktopLitter(String name) {
        return name.equals(".DS_Store") || name.startsWith("._") || name.equalsIgnoreCase("Thumbs.db")
                || name.equalsIgnoreCase("desktop.ini");
    }

    private static String relative(Path dir, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path p : dir.relativize(file)) {
            parts.add(p.toString());
        }
        return String.join("/", parts);
    }

    private static byte[] readSmall(Path dir, String name, int max) throws ContentRefusedException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ContentRefusedException(name, "is not a plain file");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new ContentRefusedException(name, "is larger than " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new ContentRefusedException(name, "cannot be read: " + e.getMessage());
        }
    }

    private static long size(Path file, String name) throws ContentRefusedException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ContentRefusedException(name, "cannot be read: " + e.getMessage());
        }
    }

    private static String sha256(Path file, String name) throws ContentRefusedException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return ContentManifest.hex(digest.digest());
        } catch (IOException e) {
            throw new ContentRefusedException(name, "cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * Writes {@value ContentManifest#FILE_NAME} and {@value ContentSignature#FILE_NAME} for every file now in
     * {@code dir} (an earlier manifest and signature are replaced). Symbolic links and paths a manifest may not
     * hold are refused before anything is written.
     *
     * @return the manifest as signed
     */
    public static ContentManifest sign(Path dir, BundleInfo info, SigningKey key) throws ContentRefusedException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ContentRefusedException("is not a folder");
        }
        Map<String, Path> present = filesIn(dir);
        present.remove(ContentManifest.FILE_NAME);
        present.remove(ContentSignature.FILE_NAME);
        if (present.isEmpty()) {
            throw new ContentRefusedException("holds no file to sign");
        }
        List<ContentManifest.ContentFile> files = new ArrayList<>();
        for (var e : present.entrySet()) {
            String problem = ContentManifest.pathProblem(e.getKey());
            if (problem != null) {
                throw new ContentRefusedException(e.getKey(), "cannot be signed: its path " + problem);
            }
            files.add(new ContentManifest.ContentFile(e.getKey(), size(e.getValue(), e.getKey()),
                    sha256(e.getValue(), e.getKey())));
        }
        ContentManifest manifest;
        try {
            manifest = new ContentManifest(info.bundleId(), info.version(), info.created(), info.source(),
                    info.signer(), files);
        } catch (IllegalArgumentException e) {
            throw new ContentRefusedException(e.getMessage());
        }
        byte[] bytes = manifest.toBytes();
        ContentSignature signature = new ContentSignature(key.keyId(), key.sign(bytes));
        try {
            Files.write(dir.resolve(ContentManifest.FILE_NAME), bytes);
            Files.write(dir.resolve(ContentSignature.FILE_NAME), signature.toBytes());
        } catch (IOException e) {
            throw new ContentRefusedException("cannot be written: " + e.getMessage());
        }
        return manifest;
    }

    /**
     * What the signer says about a bundle besides its files.
     *
     * @param bundleId the bundle's id, also the folder it is installed in (e.g. {@code tables}, {@code cpic})
     */
    public record BundleInfo(String bundleId, String version, Instant created, String source, String signer) {
    }
}
