package rhoscope.indexer.catalog;

/** The catalog could not be read or written; names the database file. */
public final class CatalogException extends RuntimeException {
  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }

  public CatalogException(String message) {
    super(message);
  }
}
