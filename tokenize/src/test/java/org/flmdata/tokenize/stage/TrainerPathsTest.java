package org.flmdata.tokenize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainerPathsTest {
  @Test
  void s3aOutputIsNamedWithMegatronsS3Prefix() {
    assertEquals("s3://bucket/runs/r1/shards/mix/mix_00000",
        TrainerPaths.of("s3a://bucket/runs/r1/shards/mix/mix_00000", "s3a://bucket/runs/r1", null));
  }

  @Test
  void trainerRootReplacesTheOutputRoot() {
    assertEquals("/lustre/datasets/flm/r1/shards/valid/Code/Code_00004",
        TrainerPaths.of("s3a://bucket/runs/r1/shards/valid/Code/Code_00004",
            "s3a://bucket/runs/r1/", "/lustre/datasets/flm/r1/"));
    assertEquals("/mnt/r1/shards/Web/Web_00000",
        TrainerPaths.of("out/r1/shards/Web/Web_00000", "out/r1", "/mnt/r1"));
  }

  @Test
  void localPathsAreAbsolute() {
    assertEquals(Path.of("out/r1/shards/Web/Web_00000").toAbsolutePath().normalize().toString(),
        TrainerPaths.of("out/r1/shards/Web/Web_00000", "out/r1", null));
    assertEquals("/data/r1/shards/Web/Web_00000",
        TrainerPaths.of("file:/data/r1/shards/Web/Web_00000", "file:/data/r1", null));
    assertEquals("/data/r1/shards/Web/Web_00000",
        TrainerPaths.of("/data/r1/shards/Web/Web_00000", "/data/r1", null));
  }
}
