package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.asyncfn.processor.model.Code;

/** Turns lowered code strings (with {@link Code} type markers) into JavaPoet code blocks. */
final class Poet {
  private Poet() {}

  static CodeBlock code(String text) {
    CodeBlock.Builder b = CodeBlock.builder();
    int pos = 0;
    while (pos < text.length()) {
      int open = text.indexOf(Code.OPEN, pos);
      if (open < 0) {
        b.add("$L", text.substring(pos));
        break;
      }
      if (open > pos) {
        b.add("$L", text.substring(pos, open));
      }
      int close = text.indexOf(Code.CLOSE, open);
      b.add("$T", ClassName.bestGuess(text.substring(open + 1, close)));
      pos = close + 1;
    }
    return b.build();
  }
}
