package org.flmdata.jobs.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One-line patent abstracts for the Profession-Patent domain: each invented object of {@code
 * patent.txt} described by two different templates, shuffled; then one abstract repeated (the same
 * text published twice, for exact dedup) and one figure caption that is too short to keep.
 */
final class PatentAbstracts {
  private PatentAbstracts() {}

  static final int REPEATED = 3;

  static List<String> lines(TextPools pools, Random rnd) {
    List<String> templates = pools.get("templates");
    List<String> benefits = pools.get("benefits");
    List<String> out = new ArrayList<>();
    for (String object : pools.get("objects")) {
      String[] f = object.split("\\|");
      if (f.length != 5) throw new IllegalStateException("patent object needs 5 fields: " + object);
      int first = rnd.nextInt(templates.size());
      int second = (first + 1 + rnd.nextInt(templates.size() - 1)) % templates.size();
      for (int t : new int[] {first, second}) {
        out.add(templates.get(t).replace("{obj}", f[0]).replace("{p1}", f[1])
            .replace("{p2}", f[2]).replace("{p3}", f[3]).replace("{field}", f[4])
            .replace("{benefit}", benefits.get(rnd.nextInt(benefits.size()))));
      }
    }
    Collections.shuffle(out, rnd);
    out.add(out.size() / 2, out.get(REPEATED));
    out.add(out.size() / 3, pools.get("stub").get(0));
    return out;
  }
}
