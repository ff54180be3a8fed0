package io.mlecs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test helper: parses a report with a strict XML parser and looks elements up. */
final class XhtmlDocument {

  static final String XHTML = "http://www.w3.org/1999/xhtml";
  static final String SVG = "http://www.w3.org/2000/svg";

  final Document doc;

  private XhtmlDocument(Document doc) {
    this.doc = doc;
  }

  /** Parses; throws when the text is not well-formed XML. */
  static XhtmlDocument parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertEquals(XHTML, doc.getDocumentElement().getNamespaceURI());
    return new XhtmlDocument(doc);
  }

  static List<Element> elements(NodeList list) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  /** Ids of every inline SVG figure. */
  List<String> svgIds() {
    return elements(doc.getElementsByTagNameNS(SVG, "svg")).stream().map(e -> e.getAttribute("id")).toList();
  }

  /** Ids of every table. */
  List<String> tableIds() {
    return elements(doc.getElementsByTagNameNS(XHTML, "table")).stream().map(e -> e.getAttribute("id")).toList();
  }

  Element byId(String namespace, String tag, String id) {
    Element found = elements(doc.getElementsByTagNameNS(namespace, tag)).stream()
        .filter(e -> id.equals(e.getAttribute("id"))).findFirst().orElse(null);
    assertNotNull(found, "<" + tag + " id=" + id + ">");
    return found;
  }

  /** The body rows of a table. */
  List<Element> bodyRows(String tableId) {
    Element tbody = (Element) byId(XHTML, "table", tableId).getElementsByTagNameNS(XHTML, "tbody").item(0);
    return elements(tbody.getElementsByTagNameNS(XHTML, "tr"));
  }

  /** The texts of a row's cells. */
  static List<String> cells(Element row) {
    List<String> out = new ArrayList<>();
    for (Element cell : elements(row.getElementsByTagNameNS(XHTML, "td"))) {
      out.add(cell.getTextContent());
    }
    return out;
  }

  /** The legend labels of an SVG figure. */
  List<String> legend(String svgId) {
    Element svg = byId(SVG, "svg", svgId);
    for (Element g : elements(svg.getElementsByTagNameNS(SVG, "g"))) {
      if ("legend".equals(g.getAttribute("class"))) {
        return elements(g.getElementsByTagNameNS(SVG, "text")).stream().map(Element::getTextContent).toList();
      }
    }
    return List.of();
  }

  /** Counts descendants of an SVG figure by tag. */
  int count(String svgId, String tag) {
    return byId(SVG, "svg", svgId).getElementsByTagNameNS(SVG, tag).getLength();
  }
}
