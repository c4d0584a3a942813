package org.mailroom.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's login and its protections, over real HTTP against serve. */
class AdminPagesTest {
    static final String TOKEN = "the-operators-token-0123456789";
    @TempDir
    Path dir;
    TestServer server;
    AdminClient admin;

    @BeforeEach
    void start() {
        server = new TestServer(dir, 0, Map.of("smtp.host", "embedded", "smtp.port", "0", "admin.token", TOKEN));
        admin = new AdminClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_page_without_a_session_sends_the_browser_to_the_login_form() throws Exception {
        HttpResponse<String> r = admin.get("/admin");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(admin.get("/admin/login").body()).contains("Admin token");
    }

    @Test
    void a_wrong_token_is_refused_and_gets_no_session() throws Exception {
        HttpResponse<String> r = admin.login("not-the-token");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("That token is not right");
        assertThat(admin.cookie).isNull();
        assertThat(admin.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void the_right_token_opens_a_strict_session_cookie_and_the_campaigns_page() throws Exception {
        HttpResponse<String> r = admin.login(TOKEN);
        assertThat(r.statusCode()).isEqualTo(302);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Secure", "Path=/admin");
        HttpResponse<String> page = admin.get("/admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Campaigns</h1>").doesNotContain(TOKEN);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'", "script-src 'self'");
    }

    @Test
    void a_form_posted_from_another_site_or_without_the_csrf_token_is_refused() throws Exception {
        admin.login(TOKEN);
        assertThat(admin.send("/admin/campaigns/1/pause", "csrf=" + admin.csrf, "cross-site").statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/campaigns/1/pause", "x=1", false).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/campaigns/1/pause", "csrf=wrong", false).statusCode()).isEqualTo(403);
        assertThat(admin.send("/admin/login", "token=" + TOKEN, "cross-site").statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/campaigns/999/pause", "", true).statusCode()).as("the same post from our page gets through").isEqualTo(404);
    }

    @Test
    void after_ten_wrong_tokens_an_address_cannot_even_try_the_right_one_for_a_while() throws Exception {
        for (int i = 0; i < LoginThrottle.LIMIT; i++) assertThat(admin.login("guess-" + i).statusCode()).isEqualTo(401);
        HttpResponse<String> r = admin.login(TOKEN);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("600");
        assertThat(admin.cookie).isNull();
    }

    @Test
    void logging_out_ends_the_session() throws Exception {
        admin.login(TOKEN);
        assertThat(admin.post("/admin/logout", "", true).statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(302);
    }
}
