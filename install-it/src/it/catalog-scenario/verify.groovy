// The build passing is not enough: the @SimulationTest must have run its 20 seeds.
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.EchoTest.xml')
assert report.isFile() : "no surefire report: the test did not run"
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 20 : "expected 20 seeds, got ${suite.@tests}"
assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 && suite.@skipped.toInteger() == 0
