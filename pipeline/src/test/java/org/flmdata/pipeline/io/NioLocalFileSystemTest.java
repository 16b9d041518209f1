package org.flmdata.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
  @TempDir java.nio.file.Path dir;

  private static FileSystem open(FileSystem fs) throws IOException {
    fs.initialize(URI.create("file:///"), new Configuration());
    return fs;
  }

  /** Mode, owner and group of each file under {@code root}, as a file system reports them. */
  private static List<String> described(FileSystem fs, Path root) throws IOException {
    List<String> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus s = it.next();
      out.add(s.getPath() + " " + s.getPermission() + " " + s.getOwner() + ":" + s.getGroup()
          + " " + s.getLen());
    }
    FileStatus[] top = fs.listStatus(root);
    Arrays.sort(top, Comparator.comparing(FileStatus::getPath));
    for (FileStatus s : top) {
      out.add("top " + s.getPath() + " " + s.getPermission() + " " + s.isDirectory());
    }
    FileStatus one = fs.getFileStatus(root);
    out.add("root " + one.getPermission() + " " + one.getOwner() + ":" + one.getGroup());
    out.sort(null);
    return out;
  }

  @Test
  void writesAndReportsTheSameModesOwnersAndBytesAsHadoopsOwnLocalFileSystem()
      throws IOException {
    FileSystem nio = open(new NioLocalFileSystem());
    Path root = new Path(dir.toUri());
    Path sub = new Path(root, "a/b");
    nio.mkdirs(sub, new FsPermission((short) 0750));
    try (FSDataOutputStream out = nio.create(new Path(sub, "part-0"), new FsPermission(
        (short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
      out.write("some bytes".getBytes(StandardCharsets.UTF_8));
    }
    try (FSDataOutputStream out = nio.create(new Path(root, "top.txt"))) {
      out.write('x');
    }
    nio.setPermission(new Path(root, "top.txt"), new FsPermission((short) 0604));
    // the modes asked for are on disk (umask may only clear bits of mkdirs/create)
    assertEquals("rw----r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("top.txt"))));
    assertEquals(FsPermission.createImmutable((short) 0640).applyUMask(
        FsPermission.getUMask(new Configuration())).toString(),
        nio.getFileStatus(new Path(sub, "part-0")).getPermission().toString());
    // Hadoop's own LocalFileSystem (ls -ld for each status) reports the same for every file
    FileSystem hadoop = open(new LocalFileSystem());
    assertEquals(described(hadoop, root), described(nio, root));
    byte[] viaHadoop = hadoop.open(new Path(sub, "part-0")).readAllBytes();
    assertArrayEquals("some bytes".getBytes(StandardCharsets.UTF_8), viaHadoop);
    // the checksum layer is Hadoop's: a .crc beside the file, verified on read
    assertEquals(true, Files.exists(dir.resolve("a/b/.part-0.crc")));
  }

  @Test
  void nineBitModesMapToJavaNioPermissions() {
    for (int mode = 0; mode <= 0777; mode++) {
      assertEquals(java.nio.file.attribute.PosixFilePermissions.toString(
              NioLocalFileSystem.posix((short) mode)),
          new FsPermission((short) mode).toString(), "mode " + Integer.toOctalString(mode));
    }
  }
}
