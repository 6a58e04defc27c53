package org.outpost.app.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Installs a signed bundle — e.g. from a USB stick — into a content folder as {@code <folder>/<bundle id>/},
 * replacing an earlier version of the same bundle, all or nothing:
 * <ol>
 *   <li>the source is verified (signature, files) and checked by the caller's {@link BundleCheck} (the clinical
 *       tables' own checks, say);</li>
 *   <li>its listed files, manifest and signature — nothing else — are copied into a hidden folder beside the
 *       target ({@code .installing-…}), which is verified and checked again;</li>
 *   <li>the installed version, if any, is renamed aside ({@code .replaced-…}), the new folder renamed into its place,
 *       and the old one deleted. If the second rename fails the old one is renamed back.</li>
 * </ol>
 * If anything fails before the renames, the installed version is untouched. Loaders skip folders whose name starts
 * with a dot, so a half-copied bundle is never read.
 */
public final class BundleInstaller {
    /** A caller's check of a verified bundle's content (tables consistent, files it knows, no conflicts). */
    @FunctionalInterface
    public interface BundleCheck {
        void check(VerifiedBundle bundle) throws ContentRefusedException;
    }

    /**
     * What was installed.
     *
     * @param bundle   the bundle now in place, verified there
     * @param replaced the manifest of the version it replaced, when that one still verified
     */
    public record Installed(VerifiedBundle bundle, Optional<ContentManifest> replaced) {
    }

    private final TrustedKeys keys;
    private final BundleCheck check;

    public BundleInstaller(TrustedKeys keys, BundleCheck check) {
        this.keys = Objects.requireNonNull(keys);
        this.check = Objects.requireNonNull(check);
    }

    /**
     * Installs the bundle in {@code source} into {@code contentDirectory} (created if missing).
     *
     * @throws ContentRefusedException when the bundle is refused or cannot be copied; the installed version stays
     */
    public Installed install(Path source, Path contentDirectory) throws ContentRefusedException {
        VerifiedBundle incoming = SignedBundle.verify(source, keys);
        check.check(incoming);
        String id = incoming.bundleId();
        Path target = contentDirectory.resolve(id);
        try {
            Files.createDirectories(contentDirectory);
        } catch (IOException e) {
            throw new ContentRefusedException("the content folder " + contentDirectory + " cannot be created: "
                    + e.getMessage());
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ContentRefusedException("the installed " + target + " is not a folder: remove it first");
        }
        Optional<ContentManifest> replaced = Optional.empty();
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                replaced = Optional.of(SignedBundle.verify(target, keys).manifest());
            } catch (ContentRefusedException e) {
                replaced = Optional.empty(); // an installed copy that no longer verifies is replaced all the same
            }
        }
        Path staging = contentDirectory.resolve(".installing-" + id + "-" + suffix());
        try {
            copy(incoming, staging);
            VerifiedBundle staged = SignedBundle.verify(staging, keys);
            if (!staged.manifest().equals(incoming.manifest())) {
                throw new ContentRefusedException(ContentManifest.FILE_NAME, "changed while it was copied");
            }
            check.check(staged);
            swap(staging, target, contentDirectory, id);
        } catch (ContentRefusedException e) {
            deleteQuietly(staging);
            throw e;
        }
        return new Installed(SignedBundle.verify(target, keys), replaced);
    }

    private static void copy(VerifiedBundle bundle, Path staging) throws ContentRefusedException {
        try {
            Files.createDirectory(staging);
            for (String name : new String[] {ContentManifest.FILE_NAME, ContentSignature.FILE_NAME}) {
                Files.copy(bundle.resolve(name), staging.resolve(name), LinkOption.NOFOLLOW_LINKS);
            }
            for (ContentManifest.ContentFile f : bundle.manifest().files()) {
                Path to = staging.resolve(f.path());
                Files.createDirectories(Objects.requireNonNull(to.getParent(), "a staged file is inside the staging folder"));
                Files.copy(bundle.resolve(f.path()), to, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new ContentRefusedException("cannot be copied into " + staging.getParent() + ": " + e.getMessage()
                    + "; the installed version stays");
        }
    }

    private static void swap(Path staging, Path target, Path contentDirectory, String id)
            throws ContentRefusedException {
        Path aside = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                aside = contentDirectory.resolve(".replaced-" + id + "-" + suffix());
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new ContentRefusedException("the installed " + target + " cannot be moved aside: " + e.getMessage()
                    + "; it stays in force");
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                try {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException back) {
                    throw new ContentRefusedException("cannot be moved into " + target + " (" + e.getMessage()
                            + ") and the previous version could not be moved back from " + aside + ": move it back "
                            + "by hand");
                }
            }
            throw new ContentRefusedException("cannot be moved into " + target + ": " + e.getMessage()
                    + "; the installed version stays");
        }
        if (aside != null) {
            deleteQuietly(aside);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    /** Deletes a folder this installer made; a leftover hidden folder is ignored by loaders. */
    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left behind as a hidden folder, which loaders skip; nothing in force depends on it
        }
    }
}
