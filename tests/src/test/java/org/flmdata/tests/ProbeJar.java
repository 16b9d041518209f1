package org.flmdata.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs {@link SubmitProbe} (and its nested classes) alone into {@code tests/target/probe/submit-probe.jar}. */
final class ProbeJar {
  private ProbeJar() {}

  static synchronized Path build() throws IOException {
    Path classes;
    try {
      classes = Path.of(SubmitProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String pkg = SubmitProbe.class.getPackageName().replace('.', '/');
    String prefix = SubmitProbe.class.getSimpleName();
    List<Path> files;
    try (Stream<Path> s = Files.list(classes.resolve(pkg))) {
      files = s.filter(p -> {
        String n = p.getFileName().toString();
        return n.equals(prefix + ".class") || n.startsWith(prefix + "$");
      }).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no " + prefix + " classes under " + classes);
    }
    Path jar = ProjectLayout.scratch("probe").resolve("submit-probe.jar");
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
      for (Path f : files) {
        out.putNextEntry(new JarEntry(pkg + "/" + f.getFileName()));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
