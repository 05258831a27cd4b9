// The modular build passed under -Xlint:all -Werror (exports included) and its tests ran; the
// generated sources name no javax.annotation.processing type (the module does not read
// java.compiler), and the companion of the package-private class is not public.
def log = new File(basedir, 'build.log').text
if (!log.contains('BUILD SUCCESS') || !(log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/)) {
  throw new AssertionError('modular: the build failed or its tests did not run (see build.log)')
}
def generated = new File(basedir, 'target/generated-sources/annotations/com/acme/inventory')
def files = generated.listFiles().findAll { it.name.endsWith('.java') }
if (files.size() < 4) {
  throw new AssertionError("modular: expected companions and machines, found ${files*.name}")
}
files.each {
  if (it.text.contains('javax.annotation.processing')) {
    throw new AssertionError("modular: ${it.name} names javax.annotation.processing")
  }
}
if (!new File(generated, 'InventoryAsync.java').text.contains('public final class InventoryAsync')
    || !new File(generated, 'StockAsync.java').text.contains('\nfinal class StockAsync')) {
  throw new AssertionError('modular: a companion is not as reachable as its class')
}
return true
