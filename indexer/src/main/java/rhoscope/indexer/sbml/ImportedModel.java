package rhoscope.indexer.sbml;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import rhoscope.lang.ast.process.Proc;

/**
 * An SBML model translated into a closed rho-calculus process.
 *
 * @param modelId the SBML model id (the file name without extension when the model has none)
 * @param name the model's name, or its id when it has none
 * @param process the translation; every species is the public name {@code @"id"}
 * @param semantics the semantics the process implements (qual for qualitative models, whatever was
 *     asked)
 * @param warnings what the translation could not honour, in document order
 * @param requirements what each reaction direction needs present to fire, in document order; empty
 *     for a qualitative model, which has no reactions
 * @param presence under boolean semantics, the species that can ever be present (overrides applied)
 *     and witnesses reaching them; empty under counts and qual
 * @param pathway the species and reactions in the model's own terms, to read answers with
 */
public record ImportedModel(
    String modelId,
    String name,
    Proc process,
    Semantics semantics,
    List<ImportWarning> warnings,
    List<ReactionRequirements> requirements,
    Optional<PresenceClosure> presence,
    Pathway pathway) {
  public ImportedModel {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(semantics, "semantics");
    warnings = List.copyOf(warnings);
    requirements = List.copyOf(requirements);
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(pathway, "pathway");
  }
}
