package org.flmdata.extract;

import java.util.HashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of hint words ("nav|menu|sidebar") found in a lower-cased class/id string only where a
 * word starts: at the string's start or after a character other than {@code a-z}, and followed
 * by its end or such a character. {@link #in} answers exactly as {@link #pattern}'s {@code find()}
 * ({@code (?:^|[^a-z])(?:words)(?:$|[^a-z])}) but tries the words at word starts only, not at
 * every character (that regex's leading group made it try each of some 60 words at every
 * position: about a tenth of the extraction's time).
 */
final class Words {

  static final int REMEMBERED = 4096;

  /** The words as one regex with its boundaries: what {@link #in} answers, and its matched text. */
  final Pattern pattern;

  /** The words and the trailing boundary, matched with {@code lookingAt} from a word start. */
  private final Pattern fromStart;

  /** Per thread: the answers for the strings seen last. */
  private final ThreadLocal<HashMap<String, Boolean>> answers =
      ThreadLocal.withInitial(HashMap::new);

  /** {@code words}: a regex alternation whose every branch starts with a letter a-z. */
  Words(String words) {
    this.pattern = Pattern.compile("(?:^|[^a-z])" + words);
    this.fromStart = Pattern.compile(words);
  }

  /** Whether a word of this list stands in {@code hints}, as {@code pattern.matcher(hints).find()}. */
  boolean in(String hints) {
    HashMap<String, Boolean> seen = answers.get();
    Boolean known = seen.get(hints);
    if (known != null) return known;
    boolean found = search(hints);
    if (seen.size() >= REMEMBERED) seen.clear();
    seen.put(hints, found);
    return found;
  }

  private boolean search(String hints) {
    Matcher m = null;
    int n = hints.length();
    for (int i = 0; i < n; i++) {
      char c = hints.charAt(i);
      if (c < 'a' || c > 'z') continue; // every word starts with a-z
      if (i > 0) {
        char p = hints.charAt(i - 1);
        if (p >= 'a' && p <= 'z') continue; // inside a word
      }
      if (m == null) m = fromStart.matcher(hints);
      m.region(i, n);
      if (m.lookingAt()) return true;
    }
    return false;
  }
}
