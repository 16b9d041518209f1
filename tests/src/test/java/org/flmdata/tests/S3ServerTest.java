package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The S3Server fixture itself: its lifecycle and buckets, through a plain Hadoop s3a client. */
class S3ServerTest {

  @Test
  void closeEndsTheServerProcessAndFreesItsPort() throws Exception {
    S3Server s3 = S3Server.start();
    int port = s3.port();
    Optional<ProcessHandle> child = ProcessHandle.current().children()
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("s3proxy")).orElse(false))
        .findFirst();
    assertTrue(child.isPresent(), "no s3proxy child process found");

    s3.close();

    assertFalse(child.get().isAlive(), "s3proxy still running after close");
    assertThrows(ConnectException.class, () -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      }
    });
  }

  @Test
  void bucketCreatedAfterStartHoldsObjects() throws Exception {
    try (S3Server s3 = S3Server.start()) {
      String bucket = s3.bucket() + "-second";
      s3.createBucket(bucket);
      Path file = new Path("s3a://" + bucket + "/dir/a.txt");
      try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://" + bucket + "/"), s3.newHadoopConfiguration())) {
        try (FSDataOutputStream out = fs.create(file)) {
          out.write("second bucket".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(1, fs.listStatus(new Path("s3a://" + bucket + "/dir")).length);
        assertEquals("second bucket".length(), fs.getFileStatus(file).getLen());
      }
    }
  }

  @Test
  void startingTwoServersGivesTwoPortsAndBuckets() throws IOException, InterruptedException {
    try (S3Server a = S3Server.start(); S3Server b = S3Server.start()) {
      assertNotEquals(a.port(), b.port());
      assertNotEquals(a.bucket(), b.bucket());
    }
  }
}
