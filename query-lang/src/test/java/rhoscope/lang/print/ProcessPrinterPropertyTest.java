package rhoscope.lang.print;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.parse.ProcessParser;

/** Any tree the grammar can express prints as text that parses back to that tree. */
class ProcessPrinterPropertyTest {

  @Property(tries = 500)
  void printedRandomProcessesParseBackEqual(@ForAll("processes") Proc p) {
    String printed = ProcessPrinter.print(p);
    assertThat(ProcessParser.parse("printed", printed).process())
        .as("parse of:%n%s", printed)
        .isEqualTo(p);
  }

  @Provide
  Arbitrary<Proc> processes() {
    return ProcessArbitraries.processes();
  }
}
