package rhoscope.indexer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import rhoscope.indexer.catalog.ProcessFormat;

/**
 * Expands the paths given to {@code index} into the files to ingest. A folder contributes every
 * Rholang and SBML file below it (hidden folders skipped), in path order. The dataset of a file is
 * the one asked for, or else the first folder under the given folder ({@code datasets/} gives
 * {@code contracts}, {@code pathways}), or the given folder's own name for files directly in it, or
 * the parent folder's name for a file given by itself.
 */
public final class SourceFiles {
  private SourceFiles() {}

  /** The files to ingest, each once. A path that does not exist is an error. */
  public static List<SourceFile> collect(List<Path> paths, Optional<String> dataset) {
    Map<Path, SourceFile> out = new LinkedHashMap<>();
    for (Path given : paths) {
      Path root = given.toAbsolutePath().normalize();
      if (Files.isDirectory(root)) {
        for (Path file : walk(root)) {
          SourceFile.formatOf(file)
              .ifPresent(
                  f ->
                      out.putIfAbsent(
                          file, new SourceFile(file, dataset.orElse(datasetOf(root, file)), f)));
        }
      } else if (Files.isRegularFile(root)) {
        ProcessFormat f =
            SourceFile.formatOf(root)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            root + ": not a Rholang (.rho) or SBML (.xml, .sbml) file"));
        out.putIfAbsent(
            root, new SourceFile(root, dataset.orElse(folderName(root.getParent())), f));
      } else {
        throw new IllegalArgumentException(given + ": no such file or folder");
      }
    }
    return new ArrayList<>(out.values());
  }

  private static List<Path> walk(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !hidden(root.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String datasetOf(Path root, Path file) {
    Path rel = root.relativize(file);
    return rel.getNameCount() >= 2 ? rel.getName(0).toString() : folderName(root);
  }

  private static String folderName(Path folder) {
    return folder == null || folder.getFileName() == null
        ? "default"
        : folder.getFileName().toString();
  }
}
