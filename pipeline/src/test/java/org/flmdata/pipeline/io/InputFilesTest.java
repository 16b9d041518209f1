package org.flmdata.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  private List<String> relative(String pattern) throws IOException {
    return InputFiles.expand(pattern, new Configuration()).stream()
        .map(InputFiles.InputFile::relative).toList();
  }

  @Test
  void globExpandsInNameOrderRelativeToItsBase() throws IOException {
    Files.createDirectories(dir.resolve("cc/2024"));
    Files.writeString(dir.resolve("cc/2024/b.warc.gz"), "b");
    Files.writeString(dir.resolve("cc/2024/a.warc.gz"), "aa");
    Files.writeString(dir.resolve("cc/2024/notes.txt"), "x");
    assertEquals(List.of("2024/a.warc.gz", "2024/b.warc.gz"),
        relative(dir.resolve("cc/*/*.warc.gz").toString()));
    List<InputFiles.InputFile> files =
        InputFiles.expand(dir.resolve("cc/2024/a.warc.gz").toString(), new Configuration());
    assertEquals(1, files.size());
    assertEquals("a.warc.gz", files.get(0).relative());
    assertEquals(2, files.get(0).length());
  }

  @Test
  void folderExpandsRecursivelySkippingHiddenFiles() throws IOException {
    Files.createDirectories(dir.resolve("html/sub"));
    Files.createDirectories(dir.resolve("html/_tmp"));
    Files.writeString(dir.resolve("html/a.html"), "a");
    Files.writeString(dir.resolve("html/sub/b.html.gz"), "b");
    Files.writeString(dir.resolve("html/_SUCCESS"), "");
    Files.writeString(dir.resolve("html/.crc"), "");
    Files.writeString(dir.resolve("html/_tmp/c.html"), "c");
    assertEquals(List.of("a.html", "sub/b.html.gz"), relative(dir.resolve("html").toString()));
  }

  @Test
  void noMatchIsEmptyNotAnError() throws IOException {
    assertEquals(List.of(), relative(dir.resolve("none/*.jsonl").toString()));
    assertEquals(List.of(), relative(dir.resolve("missing.jsonl").toString()));
  }

  @Test
  void pathsResolveAgainstTheConfigFolderUnlessAbsoluteOrUri() {
    assertEquals("/conf/data/x.jsonl", Paths.resolve("/conf/domains", "../data/x.jsonl"));
    assertEquals("s3a://b/data/x.jsonl", Paths.resolve("s3a://b/conf/domains", "../../data/x.jsonl"));
    assertEquals("s3a://other/x", Paths.resolve("/conf", "s3a://other/x"));
    assertEquals("/abs/x", Paths.resolve("/conf", "/abs/x"));
    assertEquals("s3a://b/conf", Paths.parent("s3a://b/conf/pipeline.yaml"));
    assertEquals("", Paths.parent("pipeline.yaml"));
  }
}
