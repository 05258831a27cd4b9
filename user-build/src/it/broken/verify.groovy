// Checks the broken corpus' build log, module by module (see pom.xml):
//  - the module's build failed, and javac's first error (its first warning when -Werror turned
//    warnings into the failure) is in the module's source, on the line marked "// <-";
//  - a case whose header names an asyncfn code, "([asyncfn/Code])", reports that code there;
//  - nothing is reported inside a generated file, javac never crashed, the processor never threw;
//  - the valid ok() method beside the mistake still got its real state machine.
// A source may carry "// KNOWN-BUG: <what>": its mismatch is listed, not failed (the build stays
// green until the processor is fixed); a KNOWN-BUG case that now passes is listed too, so that
// the marker is removed.
def log = new File(basedir, 'build.log').text.replace('\r', '')
def problems = []
def report = []

['An exception has occurred in the compiler', 'java.lang.InternalError', '[asyncfn/InternalError]',
 'at dev.asyncfn.processor.', 'Attempt to recreate a file', 'FilerException'].each {
  if (log.contains(it)) {
    problems << "the build log contains '${it}'"
  }
}

def sections = [:]
def summary = [:]
def current = null
log.eachLine { line ->
  def building = line =~ /^\[INFO\] Building (\S+) 1\.0\b/
  def result = line =~ /^\[INFO\] (\S+) \.+ (SUCCESS|FAILURE|SKIPPED)/
  if (building.find()) {
    current = building.group(1)
    sections[current] = []
  } else if (line.startsWith('[INFO] Reactor Summary')) {
    current = null
  } else if (result.find()) {
    summary[result.group(1)] = result.group(2)
  } else if (current != null) {
    sections[current] << line
  }
}

def diagnostic = ~/^\[(ERROR|WARNING)\] (\/\S+?\.java):\[(\d+),(\d+)\] (.*)$/
def modules = basedir.listFiles().findAll { new File(it, 'pom.xml').isFile() }.sort { it.name }
def known = 0
def passed = 0
modules.each { dir ->
  def module = dir.name
  def sources = []
  new File(dir, 'src/main/java').eachFileRecurse { if (it.name.endsWith('.java')) sources << it }
  def source = sources[0]
  def lines = source.readLines('UTF-8')
  def marked = lines.findIndexOf { it.contains('// <-') } + 1
  // the case's description: its first line after the licence header
  def header = lines.find { it.startsWith('// case:') } ?: ''
  def code = (header =~ /\[asyncfn\/(\w+)\]/).with { it.find() ? it.group(1) : null }
  def knownBug = lines.find { it.contains('KNOWN-BUG:') }
  def own = []
  def diags = (sections[module] ?: []).collect { l -> def m = l =~ diagnostic; m.matches() ? [kind: m.group(1), file: m.group(2), line: m.group(3) as int, text: m.group(5)] : null }.findAll { it }
  def wrong = []
  if (summary[module] != 'FAILURE') {
    wrong << "the build of ${module} did not fail (${summary[module]})"
  }
  diags.findAll { it.file.contains('/generated-sources/') }.each {
    wrong << "reported inside a generated file: ${it.file}:${it.line} ${it.text}"
  }
  def first = diags.find { it.kind == 'ERROR' } ?: diags.find { it.kind == 'WARNING' }
  if (first == null) {
    wrong << 'no positioned diagnostic'
  } else {
    if (!first.file.endsWith(source.path.substring(dir.path.length())) || first.line != marked) {
      wrong << "first diagnostic at ${new File(first.file).name}:${first.line}, expected ${source.name}:${marked}: ${first.text}"
    }
    if (code != null && !first.text.contains("[asyncfn/${code}]")) {
      wrong << "first diagnostic is not [asyncfn/${code}]: ${first.text}"
    }
  }
  // the valid ok() beside the mistake still gets its real state machine (not the error stub),
  // except where the class's generated names are taken and nothing is generated for it
  if (code != 'GeneratedNameTaken') {
    def machines = []
    def generated = new File(dir, 'target/generated-sources/annotations')
    if (generated.isDirectory()) {
      generated.eachFileRecurse { if (it.name.endsWith('Async_ok.java')) machines << it }
    }
    if (machines.size() != 1 || machines[0].getText('UTF-8').contains('had compile errors')) {
      wrong << "the valid ok() method did not get its real state machine (${machines*.name})"
    }
  }
  if (knownBug != null) {
    known++
    report << String.format('%-28s KNOWN-BUG %s (%s)', module,
        wrong ? 'still fails: ' + wrong.join('; ') : 'now passes: remove the marker', knownBug.trim())
  } else if (wrong) {
    problems.addAll(wrong.collect { "${module}: ${it}" })
    report << String.format('%-28s WRONG %s', module, wrong.join('; '))
  } else {
    passed++
    report << String.format('%-28s ok    %s:%d %s', module, source.name, first.line, first.text.take(90))
  }
}
def text = "broken corpus: ${modules.size()} cases, ${passed} as expected, ${known} KNOWN-BUG\n" + report.join('\n') + '\n'
new File(basedir, 'corpus-report.txt').text = text
println text
if (modules.size() < 20) {
  problems << "only ${modules.size()} cases found"
}
if (problems) {
  throw new AssertionError('broken corpus:\n  ' + problems.join('\n  '))
}
return true
