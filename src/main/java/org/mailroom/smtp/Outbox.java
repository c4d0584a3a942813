package org.mailroom.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the embedded SMTP server received, one {@code .eml} file per message and recipient under
 * {@code data.dir/outbox/}. Files are named {@code <epoch millis>-<sequence>.eml}, so names sort by arrival and
 * are the messages' ids; an id is checked against that pattern before any file is opened.
 */
public final class Outbox {
    private static final Pattern ID = Pattern.compile("\\d{13}-\\d{6}\\.eml");
    private final Path dir;
    private final AtomicLong sequence = new AtomicLong();

    /** One received message: its id (file name), when it arrived, its size and a few headers for a list. */
    public record Entry(String id, Instant receivedAt, long size, String to, String subject) {}

    public Outbox(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    /** Stores one message; written to a temporary file first, so a listing never sees half a message. */
    public String save(InputStream message) throws IOException {
        Files.createDirectories(dir);
        String id = String.format("%013d-%06d.eml", System.currentTimeMillis(), sequence.incrementAndGet() % 1_000_000);
        Path tmp = Files.createTempFile(dir, ".incoming", ".tmp");
        try {
            Files.copy(message, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return id;
    }

    /** The messages, newest first. */
    public List<Entry> list() {
        if (!Files.isDirectory(dir)) return List.of();
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> ID.matcher(f.getFileName().toString()).matches())
                .sorted(Comparator.comparing(Path::getFileName).reversed()).toList()) {
                out.add(entry(p));
            }
        } catch (IOException e) {
            throw new SmtpException("cannot list the outbox " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The raw message of an id from {@link #list()}. */
    public byte[] read(String id) {
        if (id == null || !ID.matcher(id).matches()) throw new SmtpException("outbox: no message '" + id + "'");
        try {
            return Files.readAllBytes(dir.resolve(id));
        } catch (IOException e) {
            throw new SmtpException("outbox: no message '" + id + "'", e);
        }
    }

    private static Entry entry(Path p) throws IOException {
        String name = p.getFileName().toString();
        Instant at = Instant.ofEpochMilli(Long.parseLong(name.substring(0, 13)));
        try (InputStream in = Files.newInputStream(p)) {
            InternetHeaders h = new InternetHeaders(in);
            return new Entry(name, at, Files.size(p), h.getHeader("To", ", "), h.getHeader("Subject", " "));
        } catch (MessagingException e) {
            return new Entry(name, at, Files.size(p), null, null);
        }
    }
}
