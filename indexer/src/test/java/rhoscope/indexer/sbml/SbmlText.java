package rhoscope.indexer.sbml;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small SBML documents for tests, written the way modelling tools write them. */
final class SbmlText {
  private SbmlText() {}

  /** An SBML Level 3 core document with one compartment {@code c} around the given elements. */
  static String level3(String... listsOf) {
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
      <model id="test_model" name="a test model">
        <listOfCompartments>
          <compartment id="c" size="1" constant="true" spatialDimensions="3"/>
        </listOfCompartments>
    %s
      </model>
    </sbml>
    """
        .formatted(String.join("\n", listsOf));
  }

  /**
   * {@code <listOfSpecies>} with one species per {@code id=amount} (amount "-" for none); an id
   * ending in {@code !} is a boundary species.
   */
  static String species(String... idEqualsAmount) {
    return Arrays.stream(idEqualsAmount)
        .map(
            s -> {
              String[] kv = s.split("=");
              String amount = kv[1].equals("-") ? "" : " initialAmount=\"" + kv[1] + "\"";
              boolean boundary = kv[0].endsWith("!");
              String id = boundary ? kv[0].substring(0, kv[0].length() - 1) : kv[0];
              return "<species id=\"%s\" compartment=\"c\"%s hasOnlySubstanceUnits=\"true\""
                      .formatted(id, amount)
                  + " boundaryCondition=\"%s\" constant=\"false\"/>".formatted(boundary);
            })
        .collect(Collectors.joining("\n", "<listOfSpecies>\n", "\n</listOfSpecies>"));
  }

  /** {@code <listOfReactions>} around the given reactions. */
  static String reactions(String... reactions) {
    return String.join("\n", reactions)
        .transform(r -> "<listOfReactions>\n" + r + "\n</listOfReactions>");
  }

  /**
   * A reaction written {@code "A + 2 B -> C"} with modifiers after a {@code |}: {@code "S -> P |
   * E"}; {@code <->} makes it reversible; an empty side is written {@code 0}.
   */
  static String reaction(String id, String scheme) {
    String[] withModifiers = scheme.split("\\|");
    boolean reversible = withModifiers[0].contains("<->");
    String[] sides = withModifiers[0].split(reversible ? "<->" : "->");
    StringBuilder xml = new StringBuilder();
    xml.append("<reaction id=\"%s\" reversible=\"%s\" fast=\"false\">".formatted(id, reversible));
    xml.append(side("listOfReactants", sides[0]));
    xml.append(side("listOfProducts", sides[1]));
    if (withModifiers.length > 1) {
      xml.append("<listOfModifiers>");
      for (String m : withModifiers[1].trim().split("\\s*\\+\\s*")) {
        xml.append("<modifierSpeciesReference species=\"%s\"/>".formatted(m));
      }
      xml.append("</listOfModifiers>");
    }
    return xml.append("</reaction>").toString();
  }

  private static String side(String list, String side) {
    String s = side.trim();
    if (s.equals("0")) {
      return "";
    }
    StringBuilder xml = new StringBuilder("<" + list + ">");
    for (String term : s.split("\\s*\\+\\s*")) {
      String[] parts = term.trim().split("\\s+");
      String id = parts[parts.length - 1];
      String n = parts.length == 2 ? parts[0] : "1";
      xml.append(
          "<speciesReference species=\"%s\" stoichiometry=\"%s\" constant=\"true\"/>"
              .formatted(id, n));
    }
    return xml.append("</" + list + ">").toString();
  }
}
