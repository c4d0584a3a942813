package org.mailroom.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A small SMTP server for tests, on 127.0.0.1: counts what each recipient received and injects faults. The
 * policy sees the recipient and which attempt this is for it, and answers null (accept), an SMTP reply line
 * ("451 try later"), or {@link #DROP} to cut the connection. {@link #down()} refuses connections until {@link #up()}.
 * {@link #senders} keeps each recipient's envelope senders (MAIL FROM), one per message received. With
 * {@link #watchPipelining} set, it counts the messages whose next command arrived before their end of data was answered,
 * which only a client pipelining the next envelope (RFC 2920) can do.
 *
 * <p>The port stays this server's while it is down. Closing the listening socket alone would give the port back to the
 * system: a local connection's ephemeral source port can then be that very port (Linux's range, in
 * /proc/sys/net/ipv4/ip_local_port_range, is where port 0 binds come from too), so a "down" relay answered, by itself
 * (TCP self-connect) or by another process's server, and {@link #up()} failed with "address already in use". So a
 * second socket, bound to the port and never listening, holds it from start to {@link #close()}: the kernel picks no
 * bound port for an outgoing connection nor for a bind to port 0, and with nothing listening a connection is refused
 * (RST) at once, as from a relay that is really down. Both sockets set SO_REUSEPORT so they can share the port.
 */
public final class FakeSmtpServer implements AutoCloseable {
    public static final String DROP = "DROP";
    /** Takes the message, counts it, and cuts the connection before the 250: the client cannot know it was accepted. */
    public static final String DROP_AFTER_DATA = "DROP_AFTER_DATA";
    public final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    public final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    public final Map<String, List<String>> senders = new ConcurrentHashMap<>();
    final Map<String, List<String>> trace = new ConcurrentHashMap<>();
    final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> sessions = ConcurrentHashMap.newKeySet();
    private final int port;
    /** Bound to the port, never listening: keeps the port ours while the relay is down. */
    private final Socket holder;
    private final boolean keepBodies;
    private volatile BiFunction<String, Integer, String> policy = (r, n) -> null;
    volatile boolean pipelining = true;
    /** How long to wait, before answering an end of data, for the next command to arrive unasked; 0: do not watch. */
    private volatile int watchMillis;
    private final AtomicInteger aheadOfReply = new AtomicInteger();
    private volatile ServerSocket server;

    public FakeSmtpServer(int port, boolean keepBodies) throws IOException {
        this.keepBodies = keepBodies;
        this.server = bind(port);
        this.port = server.getLocalPort();
        this.holder = hold(this.port);
        accept(server);
    }

    public int port() {
        return port;
    }

    public void policy(BiFunction<String, Integer, String> p) {
        this.policy = p;
    }

    /** From now on each end of data is answered only after up to {@code millis} spent looking for pipelined commands. */
    public void watchPipelining(int millis) {
        watchMillis = millis;
    }

    /** Messages whose next envelope had arrived before the server answered their data. */
    public int pipelinedAfterData() {
        return aheadOfReply.get();
    }

    /** When and on which client port each copy for this recipient arrived, for a failing test's output. */
    public List<String> trace(String recipient) {
        return trace.getOrDefault(recipient, List.of());
    }

    public int total() {
        return received.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * The relay goes away: listening stops and open connections are cut. When this returns no session is left, so
     * nothing more is received until {@link #up()}.
     */
    public synchronized void down() throws IOException {
        server.close();
        for (Socket s : open) s.close();
        for (Thread t : sessions) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while cutting the fake relay's sessions", e);
            }
            if (t.isAlive()) throw new IllegalStateException("a fake relay session did not end within 30 s of its connection being cut");
        }
    }

    public synchronized void up() throws IOException {
        server = bind(port);
        accept(server);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        if (s.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return s;
    }

    /** Where SO_REUSEPORT is missing (not Linux or BSD) there is no holder, and a down port may be taken as before. */
    private static Socket hold(int port) throws IOException {
        Socket s = new Socket();
        if (!s.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            s.close();
            return null;
        }
        s.setReuseAddress(true);
        s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void accept(ServerSocket ss) {
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket s = ss.accept();
                    s.setTcpNoDelay(true);
                    if (!register(ss, s)) return;
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-smtp-accept");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts a session, unless {@link #down()} closed the listener since it accepted this connection: down() cuts
     * only the connections it sees, so one slipping in here would keep receiving through the outage.
     */
    private synchronized boolean register(ServerSocket ss, Socket s) throws IOException {
        if (ss.isClosed()) {
            s.close();
            return false;
        }
        open.add(s);
        connections.incrementAndGet();
        Thread c = new Thread(() -> {
            try {
                session(s);
            } finally {
                sessions.remove(Thread.currentThread());
            }
        }, "fake-smtp-session");
        c.setDaemon(true);
        sessions.add(c);
        c.start();
        return true;
    }

    private void session(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 65536); OutputStream out = s.getOutputStream()) {
            reply(out, "220 fake ESMTP");
            String rcpt = null;
            String from = null;
            boolean dropAfterData = false;
            String line;
            while ((line = readLine(in)) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO" -> reply(out, pipelining ? "250-fake\r\n250-PIPELINING\r\n250 8BITMIME" : "250-fake\r\n250 8BITMIME");
                    case "HELO", "NOOP" -> reply(out, "250 OK");
                    case "MAIL" -> { from = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')); reply(out, "250 OK"); }
                    case "RSET" -> { rcpt = null; from = null; reply(out, "250 OK"); }
                    case "RCPT" -> {
                        String r = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        int n = attempts.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
                        String p = policy.apply(r, n);
                        if (DROP.equals(p)) return;
                        dropAfterData = DROP_AFTER_DATA.equals(p);
                        if (p != null && !dropAfterData) reply(out, p);
                        else { rcpt = r; reply(out, "250 OK"); }
                    }
                    case "DATA" -> {
                        if (rcpt == null) {
                            reply(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 go ahead");
                        byte[] body = readData(in);
                        if (body == null) return;
                        received.computeIfAbsent(rcpt, k -> new AtomicInteger()).incrementAndGet();
                        senders.computeIfAbsent(rcpt, k -> new CopyOnWriteArrayList<>()).add(from);
                        trace.computeIfAbsent(rcpt, k -> new CopyOnWriteArrayList<>()).add(java.time.Instant.now() + " conn " + s.getPort());
                        if (keepBodies) bodies.add(body);
                        if (dropAfterData) return;
                        if (watchMillis > 0 && arrivesUnasked(s, in, watchMillis)) aheadOfReply.incrementAndGet();
                        reply(out, "250 2.0.0 queued as " + rcpt);
                        rcpt = null;
                        from = null;
                    }
                    case "QUIT" -> { reply(out, "221 bye"); return; }
                    default -> reply(out, "502 unknown command");
                }
            }
        } catch (IOException e) {
            // a cut connection
        } finally {
            open.remove(s);
        }
    }

    /** Whether more input comes before the server says anything: it is already buffered, or arrives within the wait. */
    private static boolean arrivesUnasked(Socket s, InputStream in, int millis) throws IOException {
        if (in.available() > 0) return true;
        int before = s.getSoTimeout();
        s.setSoTimeout(millis);
        in.mark(1);
        try {
            if (in.read() < 0) return false;
            in.reset();
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } finally {
            s.setSoTimeout(before);
        }
    }

    private static void reply(OutputStream out, String r) throws IOException {
        out.write((r + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c == -1 && b.size() == 0) return null;
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        while (true) {
            String l = readLine(in);
            if (l == null) return null;
            if (l.equals(".")) return body.toByteArray();
            if (l.startsWith(".")) l = l.substring(1);
            body.write(l.getBytes(StandardCharsets.ISO_8859_1));
            body.write('\r');
            body.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        try {
            down();
        } finally {
            if (holder != null) holder.close();
        }
    }
}
