package org.cptbench.data.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsDocExtractorTest {
  static final String SRC =
      """
      /**
       * Adds two numbers.
       *
       * Second paragraph, see {@link sum}.
       * @param {number} a first
       * @returns {number}
       */
      export function add(a, b) {
        const re = /[}{]/g; // braces inside a regex
        return `${a + b}}`;
      }

      /** Doubles a value using an arrow function. */
      const double = (x) => {
        return x * 2;
      };

      /** Expression bodies are skipped. */
      const triple = (x) => x * 3;

      /** Prototype assignment counts too. */
      Foo.prototype.bar = function (y) {
        return y;
      };

      class Stack {
        /**
         * Pushes an item onto the stack.
         * @param item the item
         */
        push(item: string): void {
          this.items.push(item);
        }

        /** Static factory of stacks. */
        static async create<T>(n: number): Promise<Stack> {
          return new Stack();
        }
      }

      const api = {
        /** Fetches a thing by its id. */
        fetch: function (id) {
          return id;
        },
      };
      """;

  @Test
  void declarationsArrowsMethodsAndProperties() {
    List<SourceFunction> fs = JsDocExtractor.extract(SRC);
    assertEquals(
        List.of("add", "double", "bar", "Stack.push", "Stack.create", "fetch"),
        fs.stream().map(SourceFunction::name).toList());
    SourceFunction add = fs.get(0);
    assertEquals("Adds two numbers.\n\nSecond paragraph, see sum.", add.docstring());
    assertEquals("Adds two numbers.", DocstringText.firstParagraph(add.docstring()));
    assertTrue(add.code().startsWith("export function add(a, b) {"));
    assertTrue(add.code().endsWith("}}`;\n}"), add.code());
    assertEquals(8, add.line());
    assertEquals(11, add.endLine());
    assertTrue(add.originalString().startsWith("/**"));
    assertEquals("Pushes an item onto the stack.", fs.get(3).docstring());
    assertTrue(fs.get(4).code().startsWith("static async create<T>(n: number): Promise<Stack> {"));
  }
}
