// Run by maven-invoker-plugin after `mvn verify` of this project: checks the runtime classpath Maven resolved
// (target/runtime-classpath.txt, from dependency:build-classpath), then runs Main on it in a new JVM.
def target = new File(basedir, 'target')
def classpath = new File(target, 'runtime-classpath.txt').text.trim()
def jars = classpath.split(File.pathSeparator).collect { new File(it).name }

// The file really is this project's runtime classpath.
['augment-api-', 'augment-opencv-', 'trainer-', 'pytorch-native-cpu-', 'pytorch-jni-'].each { prefix ->
    assert jars.any { it.startsWith(prefix) } : "${prefix}* missing from the runtime classpath ${jars}"
}
// Test frameworks and SLF4J bindings are the application's choice, never a library's.
def leaked = jars.findAll {
    it ==~ /(junit-|opentest4j-|slf4j-(simple|nop|jdk14|jdk-platform-logging|reload4j|log4j12)-|logback-classic-|log4j-slf4j2?-impl-).*/
}
assert leaked.isEmpty() : "augment4j's libraries put these on a user's runtime classpath: ${leaked}"

def java = new File(System.getProperty('java.home'), 'bin/java').path
def command = [java, '-Xmx1g', '-Dai.djl.offline=true',
               '-cp', new File(target, 'classes').path + File.pathSeparator + classpath,
               'com.example.consumer.Main']
def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
def output = process.inputStream.text
println output
assert process.waitFor() == 0 : "com.example.consumer.Main failed:\n${output}"
return true
