package io.outboundcalls.app.config;

import io.outboundcalls.app.config.DataDirectoryLock.DataDirectoryInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Across processes: EmbeddedDurabilityTest. */
class DataDirectoryLockTest {

    @TempDir
    Path dataDir;

    @Test
    void aHeldDirectoryIsRefusedNamingItsOwnerAndFreeAgainOnceReleased() throws Exception {
        long self = ProcessHandle.current().pid();
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dataDir)) {
            assertThat(Files.readString(dataDir.resolve(DataDirectoryLock.FILE_NAME)).trim()).isEqualTo(Long.toString(self));
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("The data directory " + dataDir + " is in use by process " + self);
        }
        DataDirectoryLock.acquire(dataDir).close();
    }
}
