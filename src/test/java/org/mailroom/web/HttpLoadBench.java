package org.mailroom.web;

import org.mailroom.subscriber.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * bench/http/run.sh's load client, run in its own JVM beside {@code serve}: an open-loop load of POST /subscribe
 * and the RFC 8058 one-click POST /unsubscribe/{token}, alternating, at a fixed rate. Latency counts from the moment
 * a request was due, not from when it was sent, so a stalled server cannot hide its stall by slowing the client
 * (coordinated omission). Not part of the test run.
 * Arguments: base-url token-secret campaign-id first-subscriber-id requests-per-second seconds.
 */
public final class HttpLoadBench {
    private record Sample(boolean subscribe, long nanos, int status) {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Tokens tokens = new Tokens(args[1].getBytes(StandardCharsets.UTF_8));
        long campaign = Long.parseLong(args[2]), firstId = Long.parseLong(args[3]);
        int rate = Integer.parseInt(args[4]), seconds = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
        int total = rate * seconds, warmup = rate * 2;
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>(total));
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger errors = new AtomicInteger();
        long period = 1_000_000_000L / rate, start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            LockSupport.parkNanos(due - System.nanoTime());
            boolean subscribe = i % 2 == 0;
            HttpRequest req = subscribe ? subscribe(base, i) : unsubscribe(base, tokens.create(Tokens.Purpose.UNSUBSCRIBE, firstId + i, campaign));
            boolean counted = i >= warmup;
            http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null) errors.incrementAndGet();
                else if (counted) samples.add(new Sample(subscribe, System.nanoTime() - due, r.statusCode()));
                done.countDown();
            });
        }
        done.await();
        report("POST /subscribe", samples, true, rate, errors.get());
        report("POST /unsubscribe (one-click)", samples, false, rate, errors.get());
        report("both", samples, null, rate, errors.get());
        System.exit(0);
    }

    private static HttpRequest subscribe(URI base, int i) {
        String body = "email=load-" + System.nanoTime() + "-" + i + "%40example.org&name=Load";
        return HttpRequest.newBuilder(base.resolve("/subscribe")).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest unsubscribe(URI base, String token) {
        return HttpRequest.newBuilder(base.resolve("/unsubscribe/" + token)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build();
    }

    /** One line per endpoint: count, status classes, median, p99 and max in milliseconds. */
    private static void report(String name, List<Sample> all, Boolean subscribe, int rate, int errors) {
        List<Long> ms = new ArrayList<>();
        int ok = 0;
        synchronized (all) {
            for (Sample s : all) {
                if (subscribe != null && s.subscribe() != subscribe) continue;
                ms.add(s.nanos());
                if (s.status() < 400) ok++;
            }
        }
        Collections.sort(ms);
        if (ms.isEmpty()) return;
        System.out.printf("http %s: requests=%d ok=%d errors=%d rate=%d/s p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", name, ms.size(), ok, errors,
            rate, ms.get(ms.size() / 2) / 1e6, ms.get((int) (ms.size() * 0.99)) / 1e6, ms.get(ms.size() - 1) / 1e6);
    }
}
