package io.github.seedream4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void write_leavesOnlyTheFinishedFileReadableLikeAnyOther() throws Exception {
        Path target = AtomicFiles.write(new ByteArrayInputStream(new byte[] {1, 2, 3}), dir.resolve("a.png"), false);

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Path plain = Files.createFile(dir.resolve("plain"));
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain))
                    .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void write_neverReplacesAnExistingFileUnlessAsked() throws Exception {
        Path target = Files.writeString(dir.resolve("a.png"), "keep");

        assertThatThrownBy(() -> AtomicFiles.write(new ByteArrayInputStream(new byte[] {1}), target, false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("keep");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        AtomicFiles.write(new ByteArrayInputStream(new byte[] {9}), target, true);
        assertThat(Files.readAllBytes(target)).containsExactly(9);
    }
}
