package org.mailroom.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.subscriber.EmailAddress;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void the_socket_address_counts_unless_a_trusted_proxy_is_configured() throws Exception {
        try (TestServer direct = new TestServer(dir.resolve("a"), greenMail.getSmtp().getPort(), Map.of())) {
            subscribe(direct, "direct@example.org", "203.0.113.9");
            assertThat(ip(direct, "direct@example.org")).as("a forged header is ignored").isEqualTo("127.0.0.1");
        }
        try (TestServer proxied = new TestServer(dir.resolve("b"), greenMail.getSmtp().getPort(), Map.of("server.trust-proxy", "true"))) {
            subscribe(proxied, "proxied@example.org", "198.51.100.1, 203.0.113.9");
            assertThat(ip(proxied, "proxied@example.org")).as("the entry the proxy added").isEqualTo("203.0.113.9");
        }
    }

    private static void subscribe(TestServer server, String email, String forwardedFor) throws Exception {
        server.send(HttpRequest.newBuilder(URI.create(server.url("/subscribe"))).header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString("email=" + email.replace("@", "%40"))).build());
    }

    private static String ip(TestServer server, String email) {
        return server.app.subscribers().findByEmail(EmailAddress.parse(email)).orElseThrow().subscribedIp();
    }
}
