// The invoker checked that the user's build passed; make sure the twin tests really ran.
def log = new File(basedir, 'build.log').text

if (!log.contains('BUILD SUCCESS') || !(log =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0, Skipped: 0/)) {
  throw new AssertionError('orders: no twin test ran, or one failed (see build.log)')
}
return true
