package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Imports the shipped pathways (and the shared BioModels corpus, when present) from many threads
 * at once, many times: every import must give what it gives alone. JSBML 1.6.1 is not thread-safe
 * (see {@link SbmlReading}); before the fix about one run in three of {@code index datasets} failed
 * with {@code NoSuchElementException}.
 */
class ConcurrentImportTest {
  private static final Path PATHWAYS = Path.of("..", "datasets", "pathways");
  private static final Path BIOMODELS =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels");

  private static List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>(xmlIn(PATHWAYS));
    if (Files.isDirectory(BIOMODELS)) {
      out.addAll(xmlIn(BIOMODELS));
    }
    return out;
  }

  private static List<Path> xmlIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  /**
   * Loads the importer's own classes and the annotation pass, which stop before JSBML on a document
   * that is not SBML: so that in a fresh class loader the threads then reach JSBML together.
   */
  public static void warmUpToJsbml() {
    try {
      SbmlImporter.importString("warm.xml", "<html/>", ImportOptions.defaults());
    } catch (SbmlImportException expected) {
      // not SBML: refused before JSBML is touched
    }
  }

  /** What importing a file gives: its process printed, or the error message. */
  public static String outcome(String f) {
    return outcome(Path.of(f));
  }

  private static String outcome(Path f) {
    try {
      ImportedModel m = SbmlImporter.importFile(f, ImportOptions.defaults());
      return m.modelId() + " " + rhoscope.lang.print.ProcessPrinter.print(m.process());
    } catch (SbmlImportException e) {
      return "error: " + e.getMessage();
    }
  }

  @Test
  @Tag("slow")
  void manyThreadsImportingAtOnceGetWhatOneThreadGets() throws Exception {
    List<Path> files = files();
    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    Map<Path, String> alone = new ConcurrentHashMap<>();
    for (Path f : files) {
      alone.put(f, outcome(f));
    }
    assertThat(alone.values().stream().filter(o -> o.startsWith("error:")))
        .as("the shipped pathways all import")
        .noneMatch(o -> o.contains("pathways"));

    int threads = 16;
    int rounds = 2;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      for (int round = 0; round < rounds; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int offset = t;
          running.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < files.size(); i++) {
                      Path f = files.get((i + offset) % files.size());
                      String got = outcome(f);
                      if (!got.equals(alone.get(f))) {
                        mismatches.add(f.getFileName() + ": " + abbreviate(got));
                      }
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> r : running) {
          r.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(mismatches).as("imports that differed from the single-threaded one").isEmpty();
  }

  /**
   * JSBML's parsers are set up lazily, on the first read in a JVM, which is where {@code index}
   * failed: so each round loads JSBML (and the importer) afresh in a class loader of its own, and
   * starts all threads on their first import together.
   */
  @Test
  void manyThreadsImportingFirstThingInAFreshJvmAllSucceed() throws Exception {
    List<Path> files = xmlIn(PATHWAYS);
    Map<Path, String> alone = new ConcurrentHashMap<>();
    for (Path f : files) {
      alone.put(f, outcome(f));
    }
    URL[] classpath = classpath();
    int threads = 16;
    List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int round = 0; round < 40; round++) {
      try (URLClassLoader fresh = new FreshLoader(classpath)) {
        Class<?> inFresh = fresh.loadClass(ConcurrentImportTest.class.getName());
        Method outcome = inFresh.getMethod("outcome", String.class);
        outcome.setAccessible(true);
        Method warm = inFresh.getMethod("warmUpToJsbml");
        warm.setAccessible(true);
        warm.invoke(null);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          CountDownLatch start = new CountDownLatch(1);
          List<Future<?>> running = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            Path f = files.get((round + t * 3) % files.size());
            running.add(
                pool.submit(
                    () -> {
                      start.await();
                      String got = (String) outcome.invoke(null, f.toString());
                      if (!got.equals(alone.get(f))) {
                        mismatches.add(f.getFileName() + ": " + abbreviate(got));
                      }
                      return null;
                    }));
          }
          start.countDown();
          for (Future<?> r : running) {
            r.get();
          }
        } finally {
          pool.shutdownNow();
        }
      }
    }
    assertThat(mismatches).as("first imports that differed from the single-threaded one").isEmpty();
  }

  /** Loads everything afresh except the logging libraries, which stay shared (and quiet). */
  private static final class FreshLoader extends URLClassLoader {
    FreshLoader(URL[] classpath) {
      super(classpath, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.apache.logging.")
          || name.startsWith("org.apache.log4j.")
          || name.startsWith("org.slf4j.")) {
        return ConcurrentImportTest.class.getClassLoader().loadClass(name);
      }
      return super.loadClass(name, resolve);
    }
  }

  /** The test class path, with surefire's manifest-only jar expanded. */
  private static URL[] classpath() throws IOException {
    List<URL> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      out.add(p.toUri().toURL());
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        try (JarFile jar = new JarFile(p.toFile())) {
          Manifest m = jar.getManifest();
          String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
          if (cp != null) {
            for (String u : cp.trim().split(" +")) {
              out.add(p.toUri().resolve(u).toURL());
            }
          }
        }
      }
    }
    return out.toArray(URL[]::new);
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
