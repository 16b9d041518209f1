package org.flmdata.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class HadoopConfTest {

  @Test
  void driverSettingsSurviveSerialization() throws Exception {
    Configuration c = new Configuration(false);
    c.set("fs.s3a.endpoint", "http://127.0.0.1:9000");
    c.set("fs.s3a.path.style.access", "true");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new HadoopConf(c));
    }
    c.set("fs.s3a.endpoint", "changed later on the driver");
    HadoopConf back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (HadoopConf) in.readObject();
    }
    assertEquals("http://127.0.0.1:9000", back.get().get("fs.s3a.endpoint"));
    assertEquals("true", back.get().get("fs.s3a.path.style.access"));
  }
}
