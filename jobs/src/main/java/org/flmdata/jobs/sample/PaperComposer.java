package org.flmdata.jobs.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Composes paper-like texts for the AcademicPaper domain from {@code paper.txt}: title, abstract,
 * numbered sections with an equation, a results table whose gains are computed from its own
 * numbers, and references. Each paper fixes one method and one task.
 */
final class PaperComposer {
  static final int PAPERS = 6;

  /** One generated paper. */
  record Paper(String title, List<String> authors, String text) {}

  private final TextPools pools;
  private final Random rnd;

  PaperComposer(TextPools pools, Random rnd) {
    this.pools = pools;
    this.rnd = rnd;
  }

  Paper compose(int index) {
    List<String> methods = pools.get("slot.method");
    List<String> tasks = pools.get("slot.task");
    String method = methods.get(index % methods.size());
    String task = tasks.get((index * 3 + 1) % tasks.size());
    Filler f = new Filler(pools, rnd, Map.of("method", method, "task", task));
    String title = capital(f.fill(pick(pools.get("title"), 1).get(0)));
    List<String> authorPool = new ArrayList<>(pools.get("slot.author"));
    List<String> authors = new ArrayList<>();
    int n = 2 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) authors.add(authorPool.remove(rnd.nextInt(authorPool.size())));

    StringBuilder t = new StringBuilder(title).append("\n\n")
        .append(String.join(", ", authors)).append("\n\nAbstract\n\n");
    t.append(section(f, "abstract", 4)).append("\n\n1 Introduction\n\n")
        .append(section(f, "introduction", 5)).append("\n\n2 Method\n\n");
    List<String> method2 = fill(f, pick(pools.get("method"), 4));
    String equation = pools.get("equation").get(rnd.nextInt(pools.get("equation").size()));
    t.append(method2.get(0)).append("\n\n    ").append(equation).append("    (1)\n\n")
        .append(String.join(" ", method2.subList(1, method2.size())))
        .append("\n\n3 Experiments\n\n").append(section(f, "experiments", 4))
        .append("\n\n4 Results\n\n").append(results(method)).append("\n\n5 Conclusion\n\n")
        .append(section(f, "conclusion", 3)).append("\n\nReferences\n\n");
    List<String> refs = fill(f, pick(pools.get("reference"), 3));
    for (int i = 0; i < refs.size(); i++) {
      t.append('[').append(i + 1).append("] ").append(f.fill("{author}")).append(". ")
          .append(refs.get(i)).append(". In Proceedings of the Example Conference on Learning, ")
          .append(2018 + rnd.nextInt(6)).append(".\n");
    }
    return new Paper(title, List.copyOf(authors), t.toString().strip());
  }

  private String results(String method) {
    String[] benchmarks = {"Bench-A", "Bench-B", "Bench-C"};
    StringBuilder t = new StringBuilder("Table 1: Accuracy (%) on the three benchmarks, mean of"
        + " five seeds.\n\n");
    t.append(String.format(Locale.ROOT, "%-30s %8s %8s %8s%n", "System", benchmarks[0],
        benchmarks[1], benchmarks[2]));
    double[] base = new double[3];
    double[] ours = new double[3];
    double gain = 0;
    for (int i = 0; i < 3; i++) {
      base[i] = (550 + rnd.nextInt(300)) / 10.0;
      ours[i] = base[i] + (4 + rnd.nextInt(31)) / 10.0;
      gain += ours[i] - base[i];
    }
    t.append(String.format(Locale.ROOT, "%-30s %8.1f %8.1f %8.1f%n", "Baseline", base[0], base[1],
        base[2]));
    t.append(String.format(Locale.ROOT, "%-30s %8.1f %8.1f %8.1f%n", "+ " + method, ours[0],
        ours[1], ours[2]));
    t.append(String.format(Locale.ROOT, "%nOn average, %s improves accuracy by %.2f points over"
        + " the baseline.", method, gain / 3));
    return t.toString();
  }

  private String section(Filler f, String name, int count) {
    return String.join(" ", fill(f, pick(pools.get(name), count)));
  }

  /** {@code count} lines of {@code pool}, in their order in the pool. */
  private List<String> pick(List<String> pool, int count) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) idx.add(i);
    while (idx.size() > count) idx.remove(rnd.nextInt(idx.size()));
    List<String> out = new ArrayList<>(count);
    for (int i : idx) out.add(pool.get(i));
    return out;
  }

  private static List<String> fill(Filler f, List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) out.add(capital(f.fill(l)));
    return out;
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
