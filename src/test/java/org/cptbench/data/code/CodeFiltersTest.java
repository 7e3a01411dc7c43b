package org.cptbench.data.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeFiltersTest {
  private static SourceFunction f(String name, String code) {
    return new SourceFunction(name, "doc", code, code, List.of(), 1, 3);
  }

  private static final String BODY = "def f(x):\n    y = x\n    return y";

  @Test
  void codeSearchNetFilters() {
    assertNull(CodeFilters.reject("python", "pkg/mod.py", f("pkg.mod.f", BODY), "Returns the value given."));
    assertEquals("query", CodeFilters.reject("python", "pkg/mod.py", f("pkg.mod.f", BODY), "Returns it"));
    assertEquals("lines", CodeFilters.reject("python", "pkg/mod.py", f("pkg.mod.f", "def f(x):\n    return x"),
        "Returns the value given."));
    assertEquals("test", CodeFilters.reject("python", "pkg/tests/mod.py", f("pkg.mod.f", BODY), "Returns a b c."));
    assertEquals("test", CodeFilters.reject("python", "pkg/test_mod.py", f("pkg.mod.f", BODY), "Returns a b c."));
    assertEquals("test", CodeFilters.reject("python", "pkg/mod.py", f("pkg.mod.test_f", BODY), "Returns a b c."));
    assertEquals("test", CodeFilters.reject("javascript", "lib/a.spec.ts", f("f", BODY), "Returns a b c."));
    assertEquals("constructor", CodeFilters.reject("python", "m.py", f("m.A.__init__", BODY), "Makes an A."));
    assertEquals("constructor", CodeFilters.reject("python", "m.py", f("m.A.__str__", BODY), "Shows an A."));
    assertEquals("constructor", CodeFilters.reject("java", "p/A.java", f("p.A.A", BODY), "Makes an A."));
    assertEquals("constructor", CodeFilters.reject("java", "p/A.java", f("p.A.toString", BODY), "Shows an A."));
  }

  @Test
  void queriesAndModules() {
    assertEquals("Returns the sum.", CodePairBuilder.query("java", "Returns the sum. Overflows silently.\n\nMore."));
    assertEquals("Returns the sum. Overflows silently.",
        CodePairBuilder.query("python", "Returns the sum.\nOverflows silently.\n\nParameters\n----------"));
    assertEquals("numpy.linalg", CodePairBuilder.module("/usr/lib/python3/dist-packages/numpy/linalg/__init__.py"));
    assertEquals("numpy.linalg.linalg",
        CodePairBuilder.module("/usr/lib/python3/dist-packages/numpy/linalg/linalg.py"));
  }
}
