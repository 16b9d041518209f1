package org.flmdata.clean;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Wikipedia / WorldKnowledge cleaner: cuts the article at the first heading of its closing
 * apparatus (references, notes, see also, bibliography, further reading, external links) in the
 * 22 languages Tele-FLM lists, and removes leftover wiki markup: templates {{...}}, ref tags,
 * file/category links, [[target|label]] links (label kept), bold/italic quotes, external-link
 * brackets. Headings are recognised as wikitext ("== Notes ==") or as a line of extracted text
 * that is only the label.
 */
public final class WikipediaCleaner {
  private WikipediaCleaner() {}

  /** Closing-section labels per language (Wikipedia's manual-of-style names in each edition). */
  static final Map<String, List<String>> LABELS = Map.ofEntries(
      Map.entry("bg", List.of("Източници", "Бележки", "Литература", "Вижте също",
          "Външни препратки")),
      Map.entry("ca", List.of("Referències", "Notes", "Bibliografia", "Vegeu també",
          "Enllaços externs", "Bibliografia complementària", "Lectures addicionals", "Nota")),
      Map.entry("cs", List.of("Reference", "Poznámky", "Literatura", "Související články",
          "Externí odkazy", "Odkazy")),
      Map.entry("da", List.of("Referencer", "Noter", "Litteratur", "Se også",
          "Eksterne henvisninger", "Kilder")),
      Map.entry("de", List.of("Einzelnachweise", "Anmerkungen", "Literatur", "Siehe auch",
          "Weblinks", "Quellen")),
      Map.entry("en", List.of("References", "Notes", "Bibliography", "See also",
          "Further reading", "External links", "Sources", "Citations", "Footnotes")),
      Map.entry("es", List.of("Referencias", "Notas", "Bibliografía", "Véase también",
          "Enlaces externos", "Nota", "Otras lecturas adicionales")),
      Map.entry("fr", List.of("Notes et références", "Références", "Notes", "Bibliographie",
          "Voir aussi", "Liens externes", "Articles connexes")),
      Map.entry("hr", List.of("Izvori", "Bilješke", "Literatura", "Vidi još",
          "Vanjske poveznice")),
      Map.entry("hu", List.of("Jegyzetek", "Források", "Hivatkozások", "Kapcsolódó szócikkek",
          "További információk", "Irodalom", "Megjegyzések")),
      Map.entry("it", List.of("Note", "Bibliografia", "Voci correlate", "Collegamenti esterni",
          "Riferimenti", "Letture aggiuntive", "Vedere anche")),
      Map.entry("ja", List.of("脚注", "出典", "参考文献", "関連項目", "外部リンク", "注釈")),
      Map.entry("nl", List.of("Referenties", "Bronnen", "Noten", "Zie ook", "Externe links",
          "Literatuur", "Bronvermelding")),
      Map.entry("pl", List.of("Przypisy", "Bibliografia", "Zobacz też", "Linki zewnętrzne",
          "Uwagi")),
      Map.entry("pt", List.of("Referências", "Notas", "Bibliografia", "Ver também",
          "Ligações externas", "Nota", "Outras leituras adicionais", "Link externos")),
      Map.entry("ro", List.of("Referințe", "Note", "Bibliografie", "Vezi și",
          "Legături externe", "Lectură suplimentară", "Lecturi suplimentare")),
      Map.entry("ru", List.of("Примечания", "Литература", "Ссылки", "См. также", "Источники")),
      Map.entry("sl", List.of("Sklici", "Viri", "Opombe", "Glej tudi", "Zunanje povezave",
          "Literatura")),
      Map.entry("sr", List.of("Референце", "Литература", "Види још", "Спољашње везе",
          "Напомене", "Извори")),
      Map.entry("sv", List.of("Referenser", "Noter", "Källor", "Se även", "Externa länkar",
          "Litteratur")),
      Map.entry("uk", List.of("Примітки", "Джерела", "Література", "Див. також", "Посилання")),
      Map.entry("zh", List.of("参考文献", "參考文獻", "参考资料", "參考資料", "注释", "註釋",
          "脚注", "腳註", "外部链接", "外部連結", "参见", "參見", "延伸阅读", "延伸閱讀")));

  private static final Map<String, Set<String>> LOWER = new HashMap<>();

  static {
    for (Map.Entry<String, List<String>> e : LABELS.entrySet()) {
      Set<String> s = new HashSet<>();
      for (String l : e.getValue()) s.add(l.toLowerCase(Locale.ROOT));
      LOWER.put(e.getKey(), s);
    }
  }

  private static final Pattern REF = Pattern.compile("(?s)<ref[^>/]*/>|<ref[^>]*>.*?</ref>");
  private static final Pattern FILE_LINK = Pattern.compile(
      "\\[\\[(?:File|Image|Category|Файл|Категория|Категорія|ファイル|Datei|Fichier|Kategorie"
          + "|Catégorie|Categoría|Categoria|Kategoria|画像|Archivo|文件|分类|分類)"
          + ":[^\\[\\]]*(?:\\[\\[[^\\]]*]][^\\[\\]]*)*]]", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINK = Pattern.compile("\\[\\[(?:[^|\\]]*\\|)?([^\\]]*)]]");
  private static final Pattern EXT_LINK = Pattern.compile("\\[https?://[^\\s\\]]+\\s?([^\\]]*)]");
  private static final Pattern QUOTES = Pattern.compile("'{2,5}");
  private static final Pattern TAGS = Pattern.compile("</?(?:small|big|sup|sub|span|div|br|center|nowiki)[^>]*>",
      Pattern.CASE_INSENSITIVE);

  public static RuleResult apply(String text, String lang) {
    Set<String> labels = LOWER.getOrDefault(lang, LOWER.get("en"));
    List<String> lines = Words.splitLines(text);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0 && isClosingHeading(line, labels)) break;
      if (i > 0) out.append('\n');
      out.append(line);
    }
    String t = out.toString();
    if (t.indexOf('{') >= 0) t = stripTemplates(t);
    if (t.indexOf('<') >= 0) {
      t = REF.matcher(t).replaceAll("");
      t = TAGS.matcher(t).replaceAll("");
    }
    if (t.indexOf('[') >= 0) {
      t = FILE_LINK.matcher(t).replaceAll("");
      t = LINK.matcher(t).replaceAll("$1");
      t = EXT_LINK.matcher(t).replaceAll("$1");
    }
    if (t.indexOf("''") >= 0) t = QUOTES.matcher(t).replaceAll("");
    t = t.strip();
    if (t.isEmpty()) return RuleResult.drop(CleanReason.CLEANED_EMPTY, "wikipedia");
    return RuleResult.modified(text, t);
  }

  static boolean isClosingHeading(String line, Set<String> labels) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > 60) return false;
    boolean wiki = s.startsWith("==") && s.endsWith("==");
    if (wiki) s = s.replaceAll("^=+|=+$", "").strip();
    if (s.endsWith(":") || s.endsWith("：")) s = s.substring(0, s.length() - 1).strip();
    return labels.contains(s.toLowerCase(Locale.ROOT));
  }

  /** Removes {{...}} templates, nested, and {| ... |} tables; an unclosed one runs to the end. */
  static String stripTemplates(String t) {
    StringBuilder sb = new StringBuilder(t.length());
    int depth = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '{' && i + 1 < t.length() && (t.charAt(i + 1) == '{' || t.charAt(i + 1) == '|')) {
        depth++;
        i++;
        continue;
      }
      if (depth > 0 && (c == '}' || c == '|') && i + 1 < t.length() && t.charAt(i + 1) == '}') {
        depth--;
        i++;
        continue;
      }
      if (depth == 0) sb.append(c);
    }
    return sb.toString();
  }
}
