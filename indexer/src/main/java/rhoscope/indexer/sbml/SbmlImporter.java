package rhoscope.indexer.sbml;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ext.qual.QualConstants;
import org.sbml.jsbml.ext.qual.QualModelPlugin;
import rhoscope.lang.ast.process.Proc;

/**
 * Imports SBML Level 2 and 3 core models and SBML-qual models as rho-calculus processes: one public
 * name {@code @"id"} per species, one persistent join per way a reaction (or a logical update) can
 * fire. See {@link BooleanEncoder}, {@link CountsEncoder} and {@link QualEncoder} for the three
 * encodings, and {@link Rho} for how presence and absence are represented.
 *
 * <p>A qualitative model is always translated under {@link Semantics.Qual}, whatever was asked
 * (with a warning when boolean or counts was asked), because reaction semantics have nothing to say
 * about it; asking for qual on a model without qualitative species is an error.
 */
public final class SbmlImporter {
  private SbmlImporter() {}

  /**
   * Imports one SBML file.
   *
   * @throws SbmlImportException naming the file when it cannot be read or translated
   */
  public static ImportedModel importFile(Path file, ImportOptions options) {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SbmlImportException(source, "no such file", -1, -1, e);
    } catch (AccessDeniedException e) {
      throw new SbmlImportException(source, "cannot read the file: permission denied", -1, -1, e);
    } catch (IOException e) {
      throw new SbmlImportException(
          source,
          Files.isDirectory(file) ? "is a directory" : "cannot read the file",
          -1,
          -1,
          e);
    }
    String fileName = file.getFileName() == null ? source : file.getFileName().toString();
    return translate(source, stripExtension(fileName), SbmlReading.read(source, bytes), options);
  }

  /**
   * Imports SBML text; {@code name} stands for the file in error messages and is the model id when
   * the model declares none.
   *
   * @throws SbmlImportException naming {@code name} when the text cannot be read or translated
   */
  public static ImportedModel importString(String name, String xml, ImportOptions options) {
    return translate(name, stripExtension(name), SbmlReading.read(name, xml), options);
  }

  private static ImportedModel translate(
      String source, String fallbackId, SbmlReading.Read read, ImportOptions options) {
    Model model = read.model();
    Warnings warnings = new Warnings();
    for (String prefix : read.requiredPackages()) {
      if (!prefix.equals(QualConstants.shortLabel)) {
        // a required package changes the model's meaning, and only qual is understood
        warnings.add(
            ImportWarning.Kind.PACKAGE_IGNORED,
            prefix,
            "the model requires the SBML package '" + prefix + "', which is not translated");
      }
    }
    QualModelPlugin qual = qualPlugin(model);
    boolean hasQual = qual != null && qual.getNumQualitativeSpecies() > 0;
    boolean hasCore = model.getNumSpecies() > 0 || model.getNumReactions() > 0;
    Semantics semantics = options.semantics();
    if (semantics instanceof Semantics.Qual && !hasQual) {
      throw new SbmlImportException(
          source,
          "qual semantics needs an SBML-qual model, and this model has no qualitative species");
    }
    if (hasQual && !hasCore && !(semantics instanceof Semantics.Qual)) {
      warnings.add(
          ImportWarning.Kind.SEMANTICS_SUBSTITUTED,
          idOr(model, fallbackId),
          "the model is qualitative (SBML-qual): translated under the asynchronous logical"
              + " semantics instead of "
              + semantics.label());
      semantics = new Semantics.Qual();
    }
    Proc process;
    List<ReactionRequirements> requirements = List.of();
    Optional<PresenceClosure> presence = Optional.empty();
    Pathway pathway;
    if (semantics instanceof Semantics.Qual) {
      if (hasCore) {
        warnings.add(
            ImportWarning.Kind.PART_IGNORED,
            idOr(model, fallbackId),
            "core species and reactions ignored: qual semantics translates the qualitative"
                + " part only");
      }
      QualNetwork network = QualExtractor.extract(source, qual, warnings);
      Overrides.requireKnown(
          source,
          options.overrides(),
          network.species().stream().map(QualNetwork.Species::id).toList());
      process = QualEncoder.encode(source, network, options.overrides());
      pathway = Pathways.qual(nameOr(model, fallbackId), qual, network);
    } else {
      if (hasQual) {
        warnings.add(
            ImportWarning.Kind.PART_IGNORED,
            idOr(model, fallbackId),
            "qualitative species and transitions ignored: "
                + semantics.label()
                + " semantics translates the reactions only");
      }
      ReactionNetwork network = CoreExtractor.extract(source, model, warnings);
      requirements =
          network.reactions().stream().map(ReactionNetwork.Reaction::requirements).toList();
      Overrides.requireKnown(
          source,
          options.overrides(),
          network.species().stream().map(ReactionNetwork.Species::id).toList());
      process =
          switch (semantics) {
            case Semantics.Boolean b -> {
              presence = Optional.of(PresenceClosure.of(network, options.overrides()));
              yield BooleanEncoder.encode(source, network, options.overrides());
            }
            case Semantics.Counts c ->
                CountsEncoder.encode(source, network, c.k(), options.overrides(), warnings);
            case Semantics.Qual q -> throw new IllegalStateException("handled above");
          };
      pathway = Pathways.core(nameOr(model, fallbackId), model, network, semantics);
    }
    String id = idOr(model, fallbackId);
    String name = nameOr(model, fallbackId);
    return new ImportedModel(id, name, process, semantics, warnings.list(), requirements, presence,
        pathway);
  }

  private static QualModelPlugin qualPlugin(Model model) {
    return model.getExtension(QualConstants.shortLabel) instanceof QualModelPlugin q ? q : null;
  }

  private static String idOr(Model model, String fallback) {
    return model.isSetId() && !model.getId().isBlank() ? model.getId() : fallback;
  }

  private static String nameOr(Model model, String fallbackId) {
    return model.isSetName() && !model.getName().isBlank()
        ? model.getName()
        : idOr(model, fallbackId);
  }

  private static String stripExtension(String fileName) {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    String base = fileName.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}
