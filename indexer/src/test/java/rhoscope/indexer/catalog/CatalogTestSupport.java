package rhoscope.indexer.catalog;

/** Test records and stores of other engine semantics, for other packages' tests. */
public final class CatalogTestSupport {
  private CatalogTestSupport() {}

  public static ProcessRecord record(String path, String source, String fingerprint) {
    return TestRecords.record(path, source, fingerprint);
  }

  /** A process store that tags what it writes as derived under {@code semanticsVersion}. */
  public static ProcessStore processStore(CatalogFile db, int semanticsVersion) {
    return new ProcessStore(db, semanticsVersion);
  }

  /** A verdict cache of the verdicts reached under {@code semanticsVersion}. */
  public static VerdictCache verdictCache(CatalogFile db, int semanticsVersion) {
    return new VerdictCache(db, semanticsVersion);
  }
}
