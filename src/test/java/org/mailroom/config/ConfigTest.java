package org.mailroom.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaults_run_everything_embedded() {
        Config c = Config.of(Map.of());
        assertThat(c.string("smtp.host")).isEqualTo("embedded");
        assertThat(c.string("db.url")).startsWith("jdbc:h2:file:");
        assertThat(c.integer("delivery.concurrency")).isEqualTo(4);
    }

    @Test
    void config_file_then_environment_override_in_that_order() throws Exception {
        Path f = dir.resolve("x.properties");
        Files.writeString(f, "smtp.port=2626\ndelivery.rate=5\n");
        Config c = Config.load(f, Map.of("MAILROOM_DELIVERY_RATE", "7.5", "PATH", "/bin"));
        assertThat(c.integer("smtp.port")).isEqualTo(2626);
        assertThat(c.decimal("delivery.rate")).isEqualTo(7.5);
        assertThat(c.source("delivery.rate")).isEqualTo("environment variable MAILROOM_DELIVERY_RATE");
    }

    @Test
    void unknown_key_in_a_file_is_an_error_naming_file_and_key() throws Exception {
        Path f = dir.resolve("x.properties");
        Files.writeString(f, "smtp.hots=relay\n");
        assertThatThrownBy(() -> Config.load(f, Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("x.properties").hasMessageContaining("smtp.hots");
    }

    @Test
    void unknown_environment_variable_with_the_prefix_is_an_error() {
        assertThatThrownBy(() -> Config.load(null, Map.of("MAILROOM_SMTP_HOTS", "x")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("MAILROOM_SMTP_HOTS");
    }

    @Test
    void malformed_number_names_key_and_value() {
        assertThatThrownBy(() -> Config.of(Map.of("delivery.concurrency", "four")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("delivery.concurrency").hasMessageContaining("four");
    }

    @Test
    void base_url_must_be_http() {
        assertThatThrownBy(() -> Config.of(Map.of("base.url", "ftp://x")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("base.url");
    }

    @Test
    void missing_config_file_is_an_error() {
        assertThatThrownBy(() -> Config.load(dir.resolve("nope.properties"), Map.of()))
            .isInstanceOf(ConfigException.class).hasMessageContaining("nope.properties");
    }
}
