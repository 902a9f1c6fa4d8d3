package rhoscope.engine.reduce;

import rhoscope.engine.state.Term;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import rhoscope.lang.parse.ProcessParser;

/**
 * Rholang's standard system processes whose behaviour is fixed and local, as ordinary
 * Rholang: a program that mentions one of these URIs runs with the service beside it, so
 * states, steps and witnesses show it like any other thread. Output leaves the system, so
 * the printing services consume their message; the {@code Ack} variants then send
 * {@code Nil} on the name given as second argument (as RChain's do). Other URIs (the
 * registry, blockchain data) are left as free names whose messages wait: their answers
 * depend on what was deployed.
 */
final class SystemProcesses {
  private SystemProcesses() {}

  /** URI to the service's source, in the order they are added to a program. */
  static final Map<String, String> SOURCES = sources();

  private static final Map<String, Term> COMPILED = new ConcurrentHashMap<>();

  private static Map<String, String> sources() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String stream : List.of("stdout", "stderr")) {
      m.put("rho:io:" + stream,
          "new out(`rho:io:" + stream + "`) in { for (@_ <= out) { Nil } }");
      m.put("rho:io:" + stream + "Ack",
          "new out(`rho:io:" + stream + "Ack`) in { for (@_, ack <= out) { ack!(Nil) } }");
    }
    return m;
  }

  /** The services for the URIs in {@code used}, as compiled threads (in a fixed order). */
  static List<Term> servicesFor(Set<String> used) {
    return SOURCES.keySet().stream().filter(used::contains).map(SystemProcesses::service)
        .toList();
  }

  private static Term service(String uri) {
    return COMPILED.computeIfAbsent(uri, u -> Compiler.compileService(
        ProcessParser.parse("<system " + u + ">", SOURCES.get(u))));
  }
}
