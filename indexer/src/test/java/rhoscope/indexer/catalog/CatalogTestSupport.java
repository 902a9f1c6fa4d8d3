package rhoscope.indexer.catalog;

/** Test records for other packages' tests. */
public final class CatalogTestSupport {
  private CatalogTestSupport() {}

  public static ProcessRecord record(String path, String source, String fingerprint) {
    return CatalogTest.record(path, source, fingerprint);
  }
}
