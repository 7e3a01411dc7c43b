package org.cptbench.data.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

  @Test
  void normalisedDocstringEquality() {
    NearDuplicates ref = new NearDuplicates();
    ref.add("Appends the <b>string</b> to this builder.\n\nMore text.", "void a() { x(); }");
    assertEquals(
        NearDuplicates.Reason.DOCSTRING, ref.match("appends the string to this  builder", "int other() {}"));
    assertNull(ref.match("Appends the string to that builder.", "int other() {}"));
  }

  @Test
  void renamedCopyIsFoundByCode() {
    NearDuplicates ref = new NearDuplicates();
    ref.add("Builds a string.", "public StrBuilder appendln(final String str, final int len) { return append(str,"
        + " len).appendNewLine(); }");
    // 11 identifiers each, 10 shared: J = 10/12
    String copy = "public TextStringBuilder appendln(final String str, final int len) { return append(str,"
        + " len).appendNewLine(); }";
    assertEquals(10.0 / 12, NearDuplicates.jaccard(NearDuplicates.identifiers(copy), NearDuplicates.identifiers(
        "public StrBuilder appendln(final String str, final int len) { return append(str, len).appendNewLine(); }")),
        1e-12);
    assertEquals(NearDuplicates.Reason.CODE, ref.match("Something else entirely.", copy));
    assertNull(ref.match("Something else entirely.", "public int size() { return count; }"));
  }

  /** The prefix filter finds exactly what comparing with every reference function finds. */
  @Test
  void prefixFilterIsExact() {
    Random rnd = new Random(42);
    List<String> vocab = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      vocab.add("t" + i);
    }
    List<String> refs = new ArrayList<>();
    NearDuplicates index = new NearDuplicates();
    for (int i = 0; i < 300; i++) {
      String code = randomCode(rnd, vocab);
      refs.add(code);
      index.add("", code);
    }
    int found = 0;
    for (int i = 0; i < 2000; i++) {
      String code = rnd.nextBoolean() ? mutate(rnd, refs.get(rnd.nextInt(refs.size())), vocab) : randomCode(rnd,
          vocab);
      Set<String> a = NearDuplicates.identifiers(code);
      boolean brute = refs.stream().anyMatch(r -> NearDuplicates.jaccard(a, NearDuplicates.identifiers(r)) >= 0.8);
      assertEquals(brute, index.match("", code) != null, code);
      found += brute ? 1 : 0;
    }
    org.junit.jupiter.api.Assertions.assertTrue(found > 100, "the test exercises matches: " + found);
  }

  private static String randomCode(Random rnd, List<String> vocab) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(vocab.get(rnd.nextInt(vocab.size()))).append(' ');
    }
    return sb.toString();
  }

  private static String mutate(Random rnd, String code, List<String> vocab) {
    List<String> t = new ArrayList<>(List.of(code.strip().split(" ")));
    if (rnd.nextBoolean() && t.size() > 1) {
      t.remove(rnd.nextInt(t.size()));
    } else {
      t.add(vocab.get(rnd.nextInt(vocab.size())));
    }
    return String.join(" ", t);
  }
}
