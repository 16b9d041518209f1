package org.flmdata.clean;

import java.util.ArrayList;
import java.util.List;

/** Generated test texts whose measured values the tests compute, not paste. */
final class TextFixtures {
  private TextFixtures() {}

  static final String[] VOCAB = {"river", "mountain", "people", "village", "history", "winter",
      "garden", "language", "science", "market", "teacher", "journey", "harbour", "library",
      "morning", "country", "thought", "problem", "answer", "picture", "evening", "station",
      "kitchen", "weather", "window", "student", "doctor", "letter", "friend", "animal"};

  /**
   * {@code sentences} distinct English sentences of 12 words, one per line, each with stop words
   * and a full stop: prose every rule set keeps.
   */
  static String prose(int sentences) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) sb.append('\n');
      sb.append("The ").append(word(i)).append(" of the ").append(word(i * 7 + 3))
          .append(" and the ").append(word(i * 11 + 5)).append(" have walked to ")
          .append(word(i * 13 + 1)).append(" with ").append(word(i * 17 + 2)).append(" number ")
          .append(i).append('.');
    }
    return sb.toString();
  }

  static String word(int i) {
    return VOCAB[Math.floorMod(i, VOCAB.length)];
  }

  /** Distinct Chinese prose: sentences built from a varied pool, ending in 。 */
  static String zhProse(int sentences) {
    String[] subj = {"我们", "这座城市", "研究人员", "当地居民", "学校的老师", "这家公司", "历史学家",
        "年轻人", "政府部门", "农民"};
    String[] verb = {"正在讨论", "认真研究了", "逐步改善了", "重新评估了", "积极参与了", "详细记录了",
        "深入分析了", "共同完成了"};
    String[] obj = {"环境保护的问题", "城市交通的发展", "传统文化的传承", "教育资源的分配", "农业生产的效率",
        "科学技术的进步", "社区服务的质量", "历史文献的整理", "水资源的利用", "公共卫生的状况"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      sb.append(subj[i % subj.length]).append("在").append(2000 + i).append("年")
          .append(verb[(i * 3) % verb.length]).append(obj[(i * 7) % obj.length])
          .append("，并且").append(verb[(i * 5 + 1) % verb.length]).append(obj[(i * 3 + 2) % obj.length])
          .append("的情况。");
      if (i % 4 == 3) sb.append('\n');
    }
    return sb.toString().strip();
  }

  /** A short original news-style Chinese page, four paragraphs of varied prose (no repeats). */
  static String zhPage() {
    return String.join("\n",
        "今年春天，江南小镇的居民迎来了一场特别的文化活动。镇政府联合当地学校，在老街的祠堂里举办了为期两周的"
            + "传统手工艺展览，展出竹编、木雕、刺绣等一百多件作品，吸引了周边城市的许多游客。",
        "负责策展的李老师介绍说，这些作品大多出自镇上老人之手，有的技艺已经传承了四五代。为了让年轻人也能"
            + "亲手体验，展览期间每天下午都安排了免费的体验课，报名的孩子比预想的多出一倍。",
        "不少游客表示，平时在网上只能看到图片，这次走进祠堂，才真正感受到手艺人的耐心与专注。一位从上海赶来"
            + "的摄影爱好者说，他拍下了近千张照片，打算整理成一本小册子送给镇里的图书馆。",
        "镇长在闭幕式上说，明年还会继续办下去，并计划把展览和乡村旅游结合起来，让更多人了解这里的历史，"
            + "也让老手艺找到新的出路。");
  }

  static List<String> repeat(String s, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(s);
    return out;
  }
}
