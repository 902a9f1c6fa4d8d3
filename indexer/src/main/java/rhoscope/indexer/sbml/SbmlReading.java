package rhoscope.indexer.sbml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartDocument;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLReader;

/**
 * Parses SBML with JSBML and turns every way that can fail into one clear exception.
 *
 * <p>The XML first goes through a StAX pass that drops {@code <annotation>} subtrees. Annotations
 * are metadata (MIRIAM RDF, CellDesigner and COPASI layouts) that no translation reads; JSBML 1.6.1
 * crashes on some valid ones (a Level 2 layout annotation with nested annotations, as in
 * BIOMD0000000786) and logs noise about others. The same pass reports malformed XML with the line
 * and column of the original text, refuses DTDs and external entities, and refuses a document whose
 * root element is not {@code <sbml>} (JSBML would otherwise fail on it with a Java exception).
 *
 * <p><b>Threads.</b> Everything here is confined to the call (a fresh StAX factory, reader and
 * writer, a fresh {@link SBMLReader}) except JSBML's own state, which is shared and not thread-safe
 * in 1.6.1: {@code ParserManager.getManager()} is an unsynchronised lazy singleton filled from one
 * static {@code ServiceLoader} iterator, so two first reads at once can both drain that iterator
 * ({@code NoSuchElementException}) or see a half-filled parser table; and the reading parsers it
 * holds are singletons shared by every {@code SBMLReader}, some with per-document fields
 * ({@code MathMLStaxParser} keeps piecewise counters and "last element was apply" flags). So the
 * JSBML read, and only it, is serialised on {@link #JSBML}; the annotation pass before it and the
 * translation after it (on the document's own objects) run in parallel.
 */
final class SbmlReading {
  private SbmlReading() {}

  /** Guards JSBML's shared, unsynchronised parser state (see the class comment). */
  private static final Object JSBML = new Object();

  /**
   * A parsed model, with the prefixes of the Level 3 packages its root element marks {@code
   * required="true"} (read from the XML itself: JSBML keeps only the packages it knows).
   */
  record Read(Model model, List<String> requiredPackages) {
    Read {
      requiredPackages = List.copyOf(requiredPackages);
    }
  }

  /** Reads from bytes, so that the encoding declared in the XML prolog is honoured. */
  static Read read(String source, byte[] xml) {
    List<String> required = new ArrayList<>();
    byte[] stripped = withoutAnnotations(source, xml, required);
    SBMLDocument doc;
    try (InputStream in = new ByteArrayInputStream(stripped)) {
      synchronized (JSBML) {
        doc = new SBMLReader().readSBMLFromStream(in);
      }
    } catch (XMLStreamException e) {
      throw malformed(source, e);
    } catch (IOException | RuntimeException e) {
      // JSBML reports some structural problems (bad ids, wrong nesting) as runtime exceptions
      throw new SbmlImportException(source, "not readable as SBML: " + inPlainWords(e), -1, -1, e);
    }
    if (doc == null || doc.getLevel() < 1) {
      throw new SbmlImportException(source, "not an SBML document (no <sbml> root element)");
    }
    if (!doc.isSetModel()) {
      throw new SbmlImportException(source, "the SBML document has no <model> element");
    }
    return new Read(doc.getModel(), required);
  }

  static Read read(String source, String xml) {
    return read(source, xml.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] withoutAnnotations(String source, byte[] xml, List<String> required) {
    XMLInputFactory inputs = XMLInputFactory.newFactory();
    inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLEventFactory events = XMLEventFactory.newFactory();
    ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length);
    try {
      XMLEventReader reader = inputs.createXMLEventReader(new ByteArrayInputStream(xml));
      XMLEventWriter writer = XMLOutputFactory.newFactory().createXMLEventWriter(out, "UTF-8");
      boolean sawRoot = false;
      int skipping = 0;
      while (reader.hasNext()) {
        XMLEvent e = reader.nextEvent();
        if (skipping > 0) {
          skipping += e.isStartElement() ? 1 : e.isEndElement() ? -1 : 0;
        } else if (e.isStartElement()
            && e.asStartElement().getName().getLocalPart().equals("annotation")) {
          skipping = 1;
        } else if (e instanceof StartDocument d) {
          // re-encoded as UTF-8 whatever the original said
          writer.add(events.createStartDocument("UTF-8", d.getVersion()));
        } else {
          if (!sawRoot && e.isStartElement()) {
            sawRoot = true;
            requireSbmlRoot(source, e.asStartElement());
            requiredPackages(e.asStartElement(), required);
          }
          writer.add(e);
        }
      }
      writer.close();
      if (!sawRoot) {
        throw new SbmlImportException(source, "empty document: no root element");
      }
    } catch (XMLStreamException e) {
      throw malformed(source, e);
    }
    return out.toByteArray();
  }

  private static void requireSbmlRoot(String source, StartElement root) {
    String name = root.getName().getLocalPart();
    if (!name.equals("sbml")) {
      Location at = root.getLocation();
      String prefix = root.getName().getPrefix();
      throw new SbmlImportException(
          source,
          "not an SBML document: root element is <"
              + (prefix.isEmpty() ? name : prefix + ":" + name)
              + ">, expected <sbml>",
          at == null ? -1 : at.getLineNumber(),
          at == null ? -1 : at.getColumnNumber(),
          null);
    }
  }

  /**
   * What went wrong in JSBML, in words for the person who gave the file: never a Java class name.
   * JSBML signals structure it does not expect (an element where SBML allows none, a bad number or
   * id) with whatever runtime exception the parser hit; its message, when it has one and it is not
   * itself about Java, is kept.
   */
  static String inPlainWords(Exception e) {
    String detail = e.getMessage() == null ? "" : e.getMessage().strip();
    String what =
        switch (e) {
          case ClassCastException c -> "an element appears where SBML does not allow it";
          case NumberFormatException n -> "a numeric attribute does not hold a number";
          case IOException io -> "the document could not be read";
          default -> "the document's structure is not valid SBML";
        };
    boolean javaTalk =
        detail.isEmpty()
            || detail.equals("null")
            || detail.contains("java.")
            || detail.contains("org.")
            || detail.contains("Exception")
            || detail.contains("Cannot invoke")
            || e instanceof ClassCastException;
    return javaTalk ? what : what + " (" + firstLine(detail) + ")";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl >= 0 ? s.substring(0, nl).strip() : s;
  }

  private static void requiredPackages(StartElement root, List<String> required) {
    for (Iterator<Attribute> it = root.getAttributes(); it.hasNext(); ) {
      Attribute a = it.next();
      if (a.getName().getLocalPart().equals("required")
          && !a.getName().getPrefix().isEmpty()
          && "true".equalsIgnoreCase(a.getValue().trim())) {
        required.add(a.getName().getPrefix());
      }
    }
  }

  private static SbmlImportException malformed(String source, XMLStreamException e) {
    Location at = e.getLocation();
    return new SbmlImportException(
        source,
        "malformed XML: " + parserMessage(e),
        at == null ? -1 : at.getLineNumber(),
        at == null ? -1 : at.getColumnNumber(),
        e);
  }

  /** StAX messages start with "ParseError at [row,col]:[l,c]\nMessage: "; keep the message. */
  private static String parserMessage(XMLStreamException e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("Message: ");
    String text = i >= 0 ? m.substring(i + "Message: ".length()) : m;
    int nl = text.indexOf('\n');
    return (nl >= 0 ? text.substring(0, nl) : text).trim();
  }
}
