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

/**
 * Packs a probe main class (and its nested classes) alone into {@code tests/target/probe/<name>.jar}:
 * {@link SubmitProbe} by default.
 */
final class ProbeJar {
  private ProbeJar() {}

  static Path build() throws IOException {
    return build(SubmitProbe.class);
  }

  static synchronized Path build(Class<?> main) throws IOException {
    Path classes;
    try {
      classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String pkg = main.getPackageName().replace('.', '/');
    String prefix = main.getSimpleName();
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
    String name = prefix.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    Path jar = ProjectLayout.scratch("probe").resolve(name + ".jar");
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
