package org.mailroom.subscriber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.MailroomException;
import org.mailroom.config.Config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretFileTest {
    @TempDir
    Path dir;

    @Test
    void a_secret_is_generated_once_readable_by_the_owner_only_and_reused() throws Exception {
        Config c = Config.of(Map.of("data.dir", dir.resolve("data").toString()));
        byte[] first = SecretFile.tokenSecret(c);
        byte[] second = SecretFile.tokenSecret(c);
        assertThat(first).hasSize(32).isEqualTo(second);
        Path file = dir.resolve("data/secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir.resolve("data"))) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void a_configured_secret_wins_and_must_not_be_short() {
        Config c = Config.of(Map.of("data.dir", dir.toString(), "security.secret", "sixteen-or-more-characters"));
        assertThat(SecretFile.tokenSecret(c)).isEqualTo("sixteen-or-more-characters".getBytes());
        assertThat(Files.exists(dir.resolve("secret"))).isFalse();
        assertThatThrownBy(() -> SecretFile.tokenSecret(c.with("security.secret", "short")))
            .isInstanceOf(MailroomException.class).hasMessageContaining("at least 16").hasMessageNotContaining("short");
    }
}
