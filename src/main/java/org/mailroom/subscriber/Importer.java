package org.mailroom.subscriber;

import org.mailroom.MailroomException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code subscribers import}: a CSV file with a header row naming {@code email} and optionally {@code name} and
 * {@code status} (any case; other columns, such as an export's dates, are ignored). Read row by row; each bad row is
 * reported with its line and reason and skipped; the good ones are merged into the list in one transaction
 * (see {@code import-merge}: an import never re-activates someone who left).
 */
public final class Importer {
    static final int MAX_FIELD_LENGTH = 10_000;
    private static final int PROGRESS_EVERY = 10_000;

    /** A row left out, with the physical line it starts on. */
    public record Rejected(long line, String reason) {}

    /** @param rows data rows read; accepted = rows merged into the list; added = new subscribers among them */
    public record Result(long rows, long accepted, long added, long rejected) {}

    /** Hears about rejected rows as they come and about progress every few thousand rows. */
    public interface Listener {
        void rejected(Rejected r);

        default void progress(long rowsRead) {}
    }

    private record Columns(int email, int name, int status, int count) {}

    private final SubscriberStore store;
    private final Clock clock;

    public Importer(SubscriberStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Imports the CSV; a missing or unusable header row is a {@link SubscriberException} naming {@code fileName}.
     * Parsing and checking run on a second thread, ahead of the database work, so an import uses two cores.
     */
    public Result importCsv(InputStream in, String fileName, Listener listener) {
        // Bytes that are not UTF-8 become U+FFFD, so the row holding them is rejected instead of the whole file.
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CsvReader csv = new CsvReader(new InputStreamReader(in, decoder), MAX_FIELD_LENGTH);
        Columns columns = header(read(csv), fileName);
        RowPipe pipe = new RowPipe();
        long[] counts = new long[3]; // rows, accepted, rejected: written by the parser, read after it ended
        Thread parser = new Thread(() -> pipe.produce(() -> parseAll(csv, columns, listener, pipe, counts)), "import-parser");
        parser.start();
        try {
            long added = store.importAll(clock.instant(), sink -> {
                for (List<Row> batch = pipe.take(); batch != null; batch = pipe.take()) {
                    for (Row r : batch) sink.add(r.email(), r.name(), r.status());
                }
            });
            return new Result(counts[0], counts[1], added, counts[2]);
        } catch (UncheckedIOException e) {
            throw new MailroomException(fileName + ": cannot read: " + e.getCause().getMessage() + " (nothing was imported)", e);
        } finally {
            pipe.close();
            join(parser);
        }
    }

    private void parseAll(CsvReader csv, Columns columns, Listener listener, RowPipe pipe, long[] counts) {
        List<Row> batch = new ArrayList<>(RowPipe.BATCH);
        for (CsvReader.Record r = read(csv); r != null; r = read(csv)) {
            if (r.isBlank()) continue;
            if (++counts[0] % PROGRESS_EVERY == 0) listener.progress(counts[0]);
            Row row = parse(r, columns);
            if (row.problem() != null) {
                counts[2]++;
                listener.rejected(new Rejected(r.line(), row.problem()));
                continue;
            }
            counts[1]++;
            batch.add(row);
            if (batch.size() == RowPipe.BATCH) {
                pipe.put(batch);
                batch = new ArrayList<>(RowPipe.BATCH);
            }
        }
        if (!batch.isEmpty()) pipe.put(batch);
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Row(EmailAddress email, String name, Status status, String problem) {
        static Row rejected(String problem) {
            return new Row(null, null, null, problem);
        }
    }

    private static Row parse(CsvReader.Record r, Columns c) {
        if (r.problem() != null) return Row.rejected(r.problem());
        List<String> f = r.fields();
        for (String v : f) {
            if (v.indexOf('\uFFFD') >= 0) return Row.rejected("not valid UTF-8 (binary data?)");
            if (v.indexOf('\0') >= 0) return Row.rejected("contains a NUL character (binary data?)");
        }
        if (f.size() < c.count()) return Row.rejected("missing column: " + f.size() + " fields, the header has " + c.count());
        if (f.size() > c.count()) return Row.rejected("too many fields: " + f.size() + ", the header has " + c.count());
        try {
            EmailAddress email = EmailAddress.parse(f.get(c.email()));
            String name = c.name() < 0 ? null : Names.parse(f.get(c.name()));
            Status status = null;
            if (c.status() >= 0 && !f.get(c.status()).isBlank()) {
                status = Status.parse(f.get(c.status()));
                if (status == null) return Row.rejected("invalid status '" + EmailAddress.printable(f.get(c.status()))
                    + "' (pending, confirmed, unsubscribed, bounced or complained)");
            }
            return new Row(email, name, status, null);
        } catch (SubscriberException e) {
            return Row.rejected(e.getMessage());
        }
    }

    private static Columns header(CsvReader.Record h, String fileName) {
        if (h == null) throw SubscriberException.invalidInput(fileName + ": the file is empty; expected a header row with an 'email' column");
        if (h.problem() != null) throw SubscriberException.invalidInput(fileName + " line 1: header row: " + h.problem());
        int email = -1, name = -1, status = -1;
        List<String> f = h.fields();
        for (int i = 0; i < f.size(); i++) {
            String col = f.get(i).strip().toLowerCase(Locale.ROOT);
            switch (col) {
                case "email" -> email = twice(email, i, col, fileName);
                case "name" -> name = twice(name, i, col, fileName);
                case "status" -> status = twice(status, i, col, fileName);
                default -> { /* other columns (an export's dates) are ignored */ }
            }
        }
        if (email < 0) throw SubscriberException.invalidInput(fileName + " line 1: the header row has no 'email' column (found: "
            + EmailAddress.printable(String.join(",", f)) + ")");
        return new Columns(email, name, status, f.size());
    }

    private static int twice(int seen, int index, String column, String fileName) {
        if (seen >= 0) throw SubscriberException.invalidInput(fileName + " line 1: the header row names '" + column + "' twice");
        return index;
    }

    private static CsvReader.Record read(CsvReader csv) {
        try {
            return csv.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
