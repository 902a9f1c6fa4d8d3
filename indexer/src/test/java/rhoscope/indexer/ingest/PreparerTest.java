package rhoscope.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.indexer.sbml.SbmlImportException;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/**
 * An upload is prepared in one pass: what fails to parse, import or compile fails with the error
 * that says where, so that the server answers with its line and column without parsing again.
 */
class PreparerTest {
  private final Preparer preparer =
      new Preparer(ImportOptions.defaults(), 1000, Duration.ofSeconds(5), identity -> Optional.empty());

  private static SourceFile file(ProcessFormat format) {
    return new SourceFile(Path.of("uploads", "mine", "p"), "mine", format);
  }

  @Test
  void anUploadThatDoesNotCompileFailsWithTheCompilersErrorAndPlace() {
    Prepared prepared =
        preparer.prepareUpload(file(ProcessFormat.RHOLANG), "new x in {\n  y!(1)\n}");

    assertThat(prepared).isInstanceOf(Prepared.Failed.class);
    Prepared.Failed failed = (Prepared.Failed) prepared;
    assertThat(failed.error()).get().isInstanceOfSatisfying(LangException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.UNBOUND_VARIABLE);
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isPositive();
    });
    assertThat(failed.reason()).isEqualTo(failed.error().get().getMessage());
  }

  @Test
  void anIndexedFileThatDoesNotCompileIsKeptUnexplored() {
    Prepared prepared = preparer.prepare(file(ProcessFormat.RHOLANG), "new x in {\n  y!(1)\n}");

    assertThat(prepared).isInstanceOfSatisfying(Prepared.Ready.class, r ->
        assertThat(r.record().features().exploration().note()).startsWith("not explored:"));
  }

  @Test
  void anUploadThatDoesNotParseFailsWithTheParsersPlace() {
    Prepared.Failed failed =
        (Prepared.Failed)
            preparer.prepareUpload(file(ProcessFormat.RHOLANG), "new x in {\n  x!(1) |\n}");

    assertThat(failed.error()).get().isInstanceOfSatisfying(LangException.class, e ->
        assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void anSbmlUploadThatDoesNotImportFailsWithTheImportersError() {
    Prepared.Failed failed =
        (Prepared.Failed) preparer.prepareUpload(file(ProcessFormat.SBML), "<sbml><model>");

    assertThat(failed.error()).get().isInstanceOf(SbmlImportException.class);
  }

  @Test
  void anUploadThatCompilesIsReadyAndExplored() {
    Prepared prepared =
        preparer.prepareUpload(file(ProcessFormat.RHOLANG), "new x in { x!(1) | for (_ <- x) { Nil } }");

    assertThat(prepared).isInstanceOfSatisfying(Prepared.Ready.class, r ->
        assertThat(r.record().features().exploration().complete()).isTrue());
  }
}
