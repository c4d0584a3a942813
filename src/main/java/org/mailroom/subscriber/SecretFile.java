package org.mailroom.subscriber;

import org.mailroom.MailroomException;
import org.mailroom.config.Config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs tokens: {@code security.secret} when set, otherwise 32 random bytes generated on first start
 * into {@code data.dir/secret} (readable by the owner only) and read from there afterwards, so links in emails
 * already sent stay valid across restarts. The secret itself never appears in a message.
 */
public final class SecretFile {
    private SecretFile() {}

    public static byte[] tokenSecret(Config config) {
        if (config.isSet("security.secret")) {
            byte[] s = config.string("security.secret").getBytes(StandardCharsets.UTF_8);
            if (s.length < 16) throw new MailroomException(config.source("security.secret") + ": security.secret must be at least 16 characters");
            return s;
        }
        return readOrCreate(Path.of(config.string("data.dir")).resolve("secret"));
    }

    /**
     * The bearer token of the editor and operator API: {@code admin.token} when set, otherwise generated on first
     * start into {@code data.dir/admin-token} (owner-only), where the operator reads it; it is never logged.
     */
    public static String adminToken(Config config) {
        if (config.isSet("admin.token")) {
            String t = config.string("admin.token");
            if (t.length() < 16) throw new MailroomException(config.source("admin.token") + ": admin.token must be at least 16 characters");
            return t;
        }
        byte[] raw = readOrCreate(adminTokenFile(config));
        return Base64.getEncoder().encodeToString(raw); // exactly the text in the file
    }

    public static Path adminTokenFile(Config config) {
        return Path.of(config.string("data.dir")).resolve("admin-token");
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) create(file);
            byte[] s = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (s.length < 16) throw new MailroomException(file + ": the secret is shorter than 16 bytes; delete the file to generate a new one");
            return s;
        } catch (IOException | IllegalArgumentException e) {
            throw new MailroomException(file + ": cannot read or create the token secret: " + e.getMessage(), e);
        }
    }

    /** Written to a private temporary file, then linked into place: two processes starting at once agree on one secret. */
    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp", ownerOnly(file));
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return new java.nio.file.attribute.FileAttribute<?>[0];
        return new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
