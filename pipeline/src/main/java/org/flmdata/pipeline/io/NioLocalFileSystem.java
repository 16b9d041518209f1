package org.flmdata.pipeline.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) with permissions read and set through java.nio
 * instead of a child process. Without Hadoop's native library (libhadoop, which Spark does not
 * ship) {@link RawLocalFileSystem} runs {@code chmod} for every file and folder it creates and
 * {@code ls -ld} for every listed file whose permission is asked for (Spark's file index and
 * {@code listFiles} ask for all of them): 600 process starts, each a fork of the whole JVM, in the
 * README's sample run of a few hundred documents (issue 18). Data, names and modes are unchanged;
 * where java.nio cannot answer (no POSIX attributes, a sticky bit to set), Hadoop's own code runs.
 *
 * <p>Set as {@code fs.file.impl} for local runs ({@code spark.hadoop.fs.file.impl}); the checksum
 * layer ({@code .crc} files) is Hadoop's {@link LocalFileSystem}, unchanged.
 */
public class NioLocalFileSystem extends LocalFileSystem {
  /** What {@code fs.file.impl} names to use this file system. */
  public static final String CONF_KEY = "fs.file.impl";

  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-free) layer with java.nio permissions. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      short mode = permission.toShort();
      if ((mode & ~0777) != 0) { // sticky bit: not settable through PosixFilePermission
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(mode));
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission);
      }
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      return withPermission(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
      FileStatus[] all = super.listStatus(f);
      if (all == null) return null;
      for (int i = 0; i < all.length; i++) all[i] = withPermission(all[i]);
      return all;
    }

    /**
     * {@code s} with mode, owner and group read now through java.nio (Hadoop's status would read
     * them lazily through {@code ls -ld}); {@code s} itself when java.nio cannot read them.
     */
    private FileStatus withPermission(FileStatus s) {
      if (s == null || s.isSymlink()) return s;
      try {
        Map<String, Object> a = Files.readAttributes(pathToFile(s.getPath()).toPath(),
            "unix:mode,owner,group", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(),
            s.getModificationTime(), s.getAccessTime(), new FsPermission((short) (mode & 01777)),
            ((UserPrincipal) a.get("owner")).getName(), ((UserPrincipal) a.get("group")).getName(),
            s.getPath());
      } catch (IOException | RuntimeException e) {
        return s;
      }
    }
  }

  /** The nine rwx bits of {@code mode} as java.nio permissions. */
  static Set<PosixFilePermission> posix(short mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE};
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) out.add(order[i]);
    }
    return out;
  }
}
