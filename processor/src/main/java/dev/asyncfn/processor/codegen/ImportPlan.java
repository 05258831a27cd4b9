package dev.asyncfn.processor.codegen;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import dev.asyncfn.processor.analysis.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.util.Elements;

/**
 * The imports of a generated machine: the user's own, so that the re-emitted source text means
 * what it meant, and the simple names JavaPoet must not import a type under (they mean something
 * else in the user's text), which it then writes qualified.
 *
 * @param userImports the user's import declarations, as written
 * @param qualify the simple names to write qualified
 */
public record ImportPlan(List<String> userImports, Set<String> qualify) {
  public ImportPlan {
    userImports = List.copyOf(userImports);
    qualify = Set.copyOf(qualify);
  }

  /**
   * The plan for a machine of {@code unit} in {@code packageName} whose body uses the simple
   * names {@code inUse}: a name the user imports by a single-type import, or a {@code java.lang}
   * name not shadowed by the package, means the same in the machine; any other name of the body
   * might clash with a type JavaPoet imports.
   */
  public static ImportPlan of(
      CompilationUnitTree unit,
      SourceText src,
      Set<String> inUse,
      Elements elements,
      String packageName) {
    Set<String> singleImported = new HashSet<>();
    List<String> imports = new ArrayList<>();
    for (ImportTree imp : unit.getImports()) {
      imports.add(src.of(imp).trim());
      String q = imp.getQualifiedIdentifier().toString();
      String simple = q.substring(q.lastIndexOf('.') + 1);
      if (!imp.isStatic() && !simple.equals("*")) {
        singleImported.add(simple);
      }
    }
    Set<String> qualify = new HashSet<>();
    for (String name : inUse) {
      boolean javaLang =
          elements.getTypeElement("java.lang." + name) != null
              && elements.getTypeElement(packageName.isEmpty() ? name : packageName + "." + name)
                  == null;
      if (!singleImported.contains(name) && !javaLang) {
        qualify.add(name);
      }
    }
    return new ImportPlan(imports, qualify);
  }
}
