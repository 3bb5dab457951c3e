package io.outboundcalls.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void createsAKeyFileReadableOnlyByItsOwnerAndReusesIt() throws Exception {
        byte[] first = EncryptionKey.load(null, dataDir.resolve("nested"));
        Path file = dataDir.resolve("nested").resolve("encryption-key");
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).isEqualTo(first);
        assertThat(EncryptionKey.load("", dataDir.resolve("nested"))).isEqualTo(first);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void theSettingWinsOverTheKeyFile() throws Exception {
        byte[] key = new byte[32];
        key[0] = 7;
        assertThat(EncryptionKey.load(" " + Base64.getEncoder().encodeToString(key) + "\n", dataDir)).isEqualTo(key);
        assertThat(dataDir.resolve("encryption-key")).doesNotExist();
    }

    @Test
    void refusesAKeyThatIsNot32Bytes() throws Exception {
        assertThatThrownBy(() -> EncryptionKey.load(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outboundcalls.encryption-key");
        assertThatThrownBy(() -> EncryptionKey.load("not base64!", dataDir)).isInstanceOf(IllegalStateException.class);
        Files.writeString(dataDir.resolve("encryption-key"), "short");
        assertThatThrownBy(() -> EncryptionKey.load(null, dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encryption-key");
    }

    @Test
    void previousKeysAreVersionColonBase64AndEachVersionOnce() {
        byte[] one = new byte[32];
        one[0] = 1;
        byte[] two = new byte[32];
        two[0] = 2;
        String b64one = Base64.getEncoder().encodeToString(one);
        String b64two = Base64.getEncoder().encodeToString(two);
        assertThat(EncryptionKey.previousKeys(java.util.List.of("1:" + b64one, " 2 :" + b64two)))
                .containsOnlyKeys(1, 2).hasEntrySatisfying(2, key -> assertThat(key).isEqualTo(two));
        assertThat(EncryptionKey.previousKeys(java.util.List.of())).isEmpty();
        for (String wrong : java.util.List.of(b64one, "0:" + b64one, "x:" + b64one, "1:short")) {
            assertThatThrownBy(() -> EncryptionKey.previousKeys(java.util.List.of(wrong)))
                    .as(wrong).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("previous-encryption-keys").hasMessageNotContaining(b64one);
        }
        assertThatThrownBy(() -> EncryptionKey.previousKeys(java.util.List.of("1:" + b64one, "1:" + b64two)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }
}
