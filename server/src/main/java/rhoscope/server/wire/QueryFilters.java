package rhoscope.server.wire;

/** The {@code filters} of a query: a dataset, a part of the name, a format; absent ones do not restrict. */
public record QueryFilters(String dataset, String name, SourceFormat format) {}
