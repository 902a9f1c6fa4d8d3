package rhoscope.lang.parse;
import java.nio.file.*;
import org.junit.jupiter.api.Test;
import rhoscope.lang.diag.LangException;
class ZzProbeTest {
  @Test void probe() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String dir : new String[] {"process", "type"}) {
      try (var files = Files.list(Path.of("src/test/resources/errors", dir))) {
        for (Path p : files.sorted().toList()) {
          if (!p.getFileName().toString().startsWith("SYNTAX")) continue;
          String t = Files.readString(p);
          try { if (dir.equals("process")) ProcessParser.parse(p.getFileName().toString(), t); else TypeParser.parse(p.getFileName().toString(), t); }
          catch (LangException e) { out.append(e.line()+":"+e.column()+" "+e.detail()).append('\n'); }
        }
      }
    }
    for (String t : new String[] {"eventually contains \"abc", "always `rho:x", "always 𝄞 #", "always (a!() and", "contains \"a\"!(_) and (", "always not contains \"a\"!(_ _)", "let x = true x", "always a!(\"x\\q\")"}) {
      try { TypeParser.parse("q", t); out.append("OK ").append(t).append('\n'); } catch (LangException e) { out.append(e.line()+":"+e.column()+" "+e.detail()).append('\n'); }
    }
    for (String t : new String[] {"@\"x\"!(`rho:x)", "x!(1", "𝄞 #"}) {
      try { ProcessParser.parse("q", t); } catch (LangException e) { out.append(e.line()+":"+e.column()+" "+e.detail()).append('\n'); }
    }
    Files.writeString(Path.of("/tmp/probe/out.txt"), out);
  }
}
