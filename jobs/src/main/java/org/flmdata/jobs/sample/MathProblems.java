package org.flmdata.jobs.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Worked mathematics examples for the Profession-Math domain, in English or Chinese. Numbers come
 * from a seeded generator and every answer is computed, so each solution is correct.
 */
final class MathProblems {
  private final Random rnd;
  private final boolean zh;

  MathProblems(Random rnd, String lang) {
    this.rnd = rnd;
    this.zh = lang.equals("zh");
  }

  /** Document {@code index}: a heading and four problems of different kinds with solutions. */
  String document(int index) {
    StringBuilder doc = new StringBuilder(zh
        ? "例题精讲（" + index + "）\n\n"
        : "Worked examples, set " + index + "\n\n");
    List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    for (int p = 1; p <= 4; p++) {
      int kind = kinds.remove(rnd.nextInt(kinds.size()));
      String[] qa = switch (kind) {
        case 0 -> arithmeticSeries();
        case 1 -> linearEquation();
        case 2 -> quadratic();
        case 3 -> gcd();
        case 4 -> rightTriangle();
        case 5 -> dice();
        default -> percentChange();
      };
      doc.append(zh ? "例" + p + "　" : "Problem " + p + ". ").append(qa[0]).append("\n\n")
          .append(zh ? "解：" : "Solution. ").append(qa[1]).append("\n\n");
    }
    return doc.toString().strip();
  }

  private String[] arithmeticSeries() {
    int a = 1 + rnd.nextInt(9);
    int d = 2 + rnd.nextInt(6);
    int n = 8 + rnd.nextInt(23);
    int last = a + (n - 1) * d;
    int sum = n * (a + last) / 2;
    String seq = a + ", " + (a + d) + ", " + (a + 2 * d) + ", ...";
    if (zh) {
      return new String[] {"求等差数列 " + seq + " 前 " + n + " 项的和。",
          "公差 d = " + d + "，第 " + n + " 项 a_" + n + " = " + a + " + (" + n + " - 1) × " + d
              + " = " + last + "。所以前 " + n + " 项和 S = " + n + " × (" + a + " + " + last
              + ") / 2 = " + sum + "。"};
    }
    return new String[] {"Find the sum of the first " + n + " terms of the arithmetic sequence "
        + seq + ".",
        "The common difference is d = " + d + ". The " + n + "th term is a_" + n + " = " + a
            + " + (" + n + " - 1) × " + d + " = " + last + ". The sum is S = n(a_1 + a_n)/2 = "
            + n + " × (" + a + " + " + last + ") / 2 = " + sum + "."};
  }

  private String[] linearEquation() {
    int x = -9 + rnd.nextInt(25);
    int a = 2 + rnd.nextInt(8);
    int b = -20 + rnd.nextInt(41);
    if (b == 0) b = 7;
    int c = a * x + b;
    String eq = a + "x " + signed(b) + " = " + c;
    String step = b > 0 ? (zh ? "两边同时减去 " + b : "Subtract " + b + " from both sides")
        : (zh ? "两边同时加上 " + (-b) : "Add " + (-b) + " to both sides");
    if (zh) {
      return new String[] {"解方程 " + eq + "。",
          step + "，得 " + a + "x = " + (c - b) + "。两边同时除以 " + a + "，得 x = " + x + "。"};
    }
    return new String[] {"Solve " + eq + ".",
        step + ": " + a + "x = " + (c - b) + ". Divide by " + a + ": x = " + x + "."};
  }

  private String[] quadratic() {
    int r1 = -9 + rnd.nextInt(19);
    int r2 = -9 + rnd.nextInt(19);
    if (r1 == r2) r2 = r1 + 3;
    if (r1 > r2) {
      int t = r1;
      r1 = r2;
      r2 = t;
    }
    int s = r1 + r2;
    int p = r1 * r2;
    String poly = "x^2" + (s == 0 ? "" : " " + signedTerm(-s, "x"))
        + (p == 0 ? "" : " " + signed(p));
    String factors = factor(r1) + factor(r2);
    if (zh) {
      return new String[] {"解方程 " + poly + " = 0。",
          "寻找和为 " + s + "、积为 " + p + " 的两个数，它们是 " + r1 + " 和 " + r2 + "。因此方程可化为 "
              + factors + " = 0，解得 x = " + r1 + " 或 x = " + r2 + "。"};
    }
    return new String[] {"Solve " + poly + " = 0.",
        "We need two numbers with sum " + s + " and product " + p + ": they are " + r1 + " and "
            + r2 + ". So the equation factors as " + factors + " = 0, giving x = " + r1
            + " or x = " + r2 + "."};
  }

  private String[] gcd() {
    int g = 2 + rnd.nextInt(11);
    int m;
    int n;
    do {
      m = 3 + rnd.nextInt(28);
      n = 3 + rnd.nextInt(28);
    } while (m == n || gcdOf(m, n) != 1);
    int big = g * Math.max(m, n);
    int small = g * Math.min(m, n);
    StringBuilder steps = new StringBuilder();
    int x = big;
    int y = small;
    while (y != 0) {
      steps.append(x).append(" = ").append(x / y).append(" × ").append(y).append(" + ")
          .append(x % y).append(zh ? "；" : "; ");
      int r = x % y;
      x = y;
      y = r;
    }
    long lcm = (long) big * small / x;
    if (zh) {
      return new String[] {"求 " + big + " 和 " + small + " 的最大公约数与最小公倍数。",
          "用辗转相除法：" + steps + "所以最大公约数是 " + x + "，最小公倍数是 " + big + " × " + small
              + " / " + x + " = " + lcm + "。"};
    }
    return new String[] {"Find the greatest common divisor and the least common multiple of "
        + big + " and " + small + ".",
        "By the Euclidean algorithm: " + steps + "so gcd = " + x + " and lcm = " + big + " × "
            + small + " / " + x + " = " + lcm + "."};
  }

  private String[] rightTriangle() {
    int[][] triples = {{3, 4, 5}, {5, 12, 13}, {8, 15, 17}, {7, 24, 25}};
    int[] t = triples[rnd.nextInt(triples.length)];
    int k = 1 + rnd.nextInt(4);
    int a = t[0] * k;
    int b = t[1] * k;
    int c = t[2] * k;
    String area = (a * b) % 2 == 0 ? String.valueOf(a * b / 2) : (a * b / 2) + ".5";
    if (zh) {
      return new String[] {"直角三角形的两条直角边分别为 " + a + " 和 " + b + "，求斜边长和面积。",
          "由勾股定理，斜边 c = √(" + a + "² + " + b + "²) = √" + (a * a + b * b) + " = " + c
              + "。面积 S = " + a + " × " + b + " / 2 = " + area + "。"};
    }
    return new String[] {"A right triangle has legs " + a + " and " + b
        + ". Find the hypotenuse and the area.",
        "By the Pythagorean theorem, c = √(" + a + "² + " + b + "²) = √" + (a * a + b * b) + " = "
            + c + ". The area is " + a + " × " + b + " / 2 = " + area + "."};
  }

  private String[] dice() {
    int s = 2 + rnd.nextInt(11);
    int ways = 6 - Math.abs(s - 7);
    int g = gcdOf(ways, 36);
    String frac = ways + "/36" + (g == 1 ? "" : " = " + (ways / g) + "/" + (36 / g));
    if (zh) {
      return new String[] {"同时掷两枚均匀的骰子，求点数之和为 " + s + " 的概率。",
          "两枚骰子共有 6 × 6 = 36 种等可能的结果，其中点数之和为 " + s + " 的有 " + ways + " 种，所以概率为 "
              + frac + "。"};
    }
    return new String[] {"Two fair dice are rolled. What is the probability that the sum is "
        + s + "?",
        "There are 6 × 6 = 36 equally likely outcomes, and " + (ways == 1 ? "one of them gives"
            : ways + " of them give") + " a sum of " + s + ", so the probability is " + frac
            + "."};
  }

  private String[] percentChange() {
    int old = 20 * (2 + rnd.nextInt(19));
    int pct = 5 * (1 + rnd.nextInt(8));
    boolean up = rnd.nextBoolean();
    int delta = old * pct / 100;
    int now = up ? old + delta : old - delta;
    if (zh) {
      return new String[] {"某商品原价 " + old + " 元，" + (up ? "涨价" : "降价") + " " + pct
          + "% 后的价格是多少？",
          "变化金额为 " + old + " × " + pct + "% = " + delta + " 元，所以现价为 " + old + (up ? " + " : " - ")
              + delta + " = " + now + " 元。"};
    }
    return new String[] {"A price of " + old + " dollars " + (up ? "rises" : "falls") + " by "
        + pct + "%. What is the new price?",
        "The change is " + old + " × " + pct + "% = " + delta + " dollars, so the new price is "
            + old + (up ? " + " : " - ") + delta + " = " + now + " dollars."};
  }

  private static String signed(int v) {
    return v < 0 ? "- " + (-v) : "+ " + v;
  }

  private static String signedTerm(int coef, String var) {
    int abs = Math.abs(coef);
    return (coef < 0 ? "- " : "+ ") + (abs == 1 ? "" : String.valueOf(abs)) + var;
  }

  private static String factor(int root) {
    if (root == 0) return "x";
    return root > 0 ? "(x - " + root + ")" : "(x + " + (-root) + ")";
  }

  private static int gcdOf(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
