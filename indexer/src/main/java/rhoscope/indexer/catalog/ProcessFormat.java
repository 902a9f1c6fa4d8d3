package rhoscope.indexer.catalog;

/** The source language a process came from. */
public enum ProcessFormat {
  RHOLANG,
  SBML
}
