/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.testing.AsyncCompiler;
import dev.asyncfn.testing.CompileDiagnostic;
import dev.asyncfn.testing.Compiled;
import dev.asyncfn.testing.JavaSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet of {@code README.md} and {@code docs/*.md} compiles as written, through the
 * asyncfn processor, so the documentation cannot drift from the API.
 *
 * <p>A fenced block whose info string is {@code java} is a complete source file: its package (none
 * for the unnamed package), its imports, its types. All blocks are compiled together in one javac
 * run, with {@code -Xlint:all}: a page may use in one block what another declares, each page keeps
 * to its own package, and any diagnostic fails the page it is in. A block whose info
 * string is {@code java fragment} is an excerpt that cannot compile alone (generated code, a list
 * of calls) and is skipped; there are few, and {@link #FRAGMENTS_AT_MOST} keeps it so. The
 * convention is described in {@code docs/README.md}.
 *
 * <p>The README's Quick start is also run: what a new user copies must print its greeting.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("..");

  /** Fragments are the exception: raise this only for an excerpt no complete file could show. */
  private static final int FRAGMENTS_AT_MOST = 6;

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```(.*)$");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern TYPE =
      Pattern.compile(
          "(?m)^(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+([A-Za-z_$][\\w$]*)");

  /** One fenced Java block: where it is, whether it is a fragment, its text. */
  record Snippet(Path page, int line, boolean fragment, String text) {
    String where() {
      return ROOT.relativize(page) + ":" + line;
    }

    /** The block as a source file, named by its package and first top-level type. */
    JavaSource source() {
      Matcher type = TYPE.matcher(text);
      if (!type.find()) {
        throw new AssertionError(
            where() + ": a ```java block is a complete file (package, imports, a top-level"
                + " type); mark an excerpt ```java fragment");
      }
      Matcher pkg = PACKAGE.matcher(text);
      String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
      return new JavaSource(dir + type.group(1) + ".java", text);
    }
  }

  static List<Path> pages() {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  /** The fenced Java blocks of a page, with the indentation of list items removed. */
  static List<Snippet> snippets(Path page) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Snippet> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      String[] info = open.group(2).trim().split("\\s+");
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).trim().equals("```")) {
        end++;
      }
      if (info[0].equals("java")) {
        StringBuilder text = new StringBuilder();
        for (String l : lines.subList(start, end)) {
          text.append(l.startsWith(indent) ? l.substring(indent.length()) : l.strip());
          text.append('\n');
        }
        boolean fragment = List.of(info).contains("fragment");
        out.add(new Snippet(page, start, fragment, text.toString()));
      }
      i = end;
    }
    return out;
  }

  /** Every snippet of every page, compiled together once (a javac run costs seconds). */
  private static Compiled all;

  private static final Map<String, Snippet> BY_FILE = new LinkedHashMap<>();

  private static synchronized Compiled compiled() {
    if (all == null) {
      List<JavaSource> sources = new ArrayList<>();
      for (Path page : pages()) {
        for (Snippet s : snippets(page)) {
          if (s.fragment()) {
            continue;
          }
          JavaSource source = s.source();
          Snippet before = BY_FILE.put(source.path(), s);
          if (before != null) {
            throw new AssertionError(
                s.where() + " declares " + source.path() + " again (first at " + before.where()
                    + "): the pages are compiled together, give it another package or name");
          }
          sources.add(source);
        }
      }
      all = AsyncCompiler.create().withOptions("-Xlint:all", "-Xlint:-processing").compile(sources);
    }
    return all;
  }

  /** The diagnostics of {@code page}'s snippets, at their lines in the page. */
  private static List<String> problems(Path page) {
    List<String> out = new ArrayList<>();
    for (CompileDiagnostic d : compiled().diagnostics()) {
      Snippet s = d.file() == null ? null : BY_FILE.get(d.file());
      if (s != null && s.page().equals(page)) {
        // a snippet's line 1 is the line after its fence
        int line = s.line() + (int) d.line();
        out.add(d.kind() + " at " + ROOT.relativize(page) + ":" + line + ": " + d.message());
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompilesWithoutWarnings() {
    return pages().stream()
        .filter(page -> snippets(page).stream().anyMatch(s -> !s.fragment()))
        .map(
            page ->
                DynamicTest.dynamicTest(
                    ROOT.relativize(page).toString(),
                    () -> assertEquals(List.of(), problems(page))));
  }

  @Test
  void theSnippetsCompileTogether() {
    Compiled c = compiled();
    assertTrue(c.success(), "the documentation's snippets do not compile:\n" + c.report());
  }

  @Test
  void fragmentsAreFewAndMarked() {
    List<String> fragments = new ArrayList<>();
    int complete = 0;
    for (Path page : pages()) {
      for (Snippet s : snippets(page)) {
        if (s.fragment()) {
          fragments.add(s.where());
        } else {
          complete++;
        }
      }
    }
    assertTrue(
        fragments.size() <= FRAGMENTS_AT_MOST,
        "more fragments than complete files can excuse: " + fragments);
    assertTrue(complete >= 40, "the snippets were found: " + complete);
  }

  @Test
  void theQuickStartRunsAndGreets() throws Exception {
    Method main = compiled().assertSuccess().loadClass("Main").getMethod("main", String[].class);
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(stdout);
    }
    assertEquals(
        List.of("Hello, world", "Hello, again"),
        printed.toString(StandardCharsets.UTF_8).lines().toList());
  }
}
