package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.flmdata.pipeline.io.InputFiles.InputFile;
import org.junit.jupiter.api.Test;

class FileBatchesTest {

  private static InputFile f(String name, long length) {
    return new InputFile("/in/" + name, name, length);
  }

  private static List<List<String>> names(List<FileBatches.FileBatch> batches) {
    List<List<String>> out = new ArrayList<>();
    for (FileBatches.FileBatch b : batches)
      out.add(b.files().stream().map(InputFile::relative).toList());
    return out;
  }

  @Test
  void smallFilesShareATaskUpToTheByteLimitAndLargeOnesGetTheirOwn() {
    List<InputFile> files =
        List.of(f("a", 40), f("b", 40), f("c", 40), f("big", 500), f("d", 10), f("e", 0));
    assertEquals(
        List.of(List.of("a", "b"), List.of("c"), List.of("big"), List.of("d", "e")),
        names(FileBatches.plan(files, 100)));
  }

  @Test
  void everyFileIsInExactlyOneBatchInOrder() {
    List<InputFile> files = new ArrayList<>();
    for (int i = 0; i < 1000; i++) files.add(f("f" + i, (i * 7919L) % 300));
    List<InputFile> flat = new ArrayList<>();
    for (FileBatches.FileBatch b : FileBatches.plan(files, 1000)) flat.addAll(b.files());
    assertEquals(files, flat);
    assertEquals(List.of(), FileBatches.plan(List.of(), 1000));
  }
}
