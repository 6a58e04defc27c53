import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes THIRD-PARTY.txt, the list of libraries an installer ships with their licences, from the CycloneDX SBOM
 * (bom.xml) the build makes: one line a component, "group:name version — licence". Outpost's own modules are left out.
 * A component without a declared licence is listed as such, so nothing is silently dropped.
 * Run with the JDK's source launcher: {@code java ThirdParty.java bom.xml > THIRD-PARTY.txt}.
 */
public final class ThirdParty {
    private ThirdParty() {
    }

    public static void main(String[] args) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document bom = f.newDocumentBuilder().parse(Path.of(args[0]).toFile());
        TreeSet<String> lines = new TreeSet<>();
        NodeList components = bom.getElementsByTagNameNS("*", "component");
        for (int i = 0; i < components.getLength(); i++) {
            Element c = (Element) components.item(i);
            if (!(c.getParentNode() instanceof Element parent) || !parent.getLocalName().equals("components")
                    || !(parent.getParentNode() instanceof Element root) || !root.getLocalName().equals("bom")) {
                continue; // the metadata's own component and nested ones
            }
            String group = child(c, "group");
            if (group.equals("org.outpost")) {
                continue;
            }
            List<String> licences = new ArrayList<>();
            NodeList ls = c.getElementsByTagNameNS("*", "license");
            for (int k = 0; k < ls.getLength(); k++) {
                Element l = (Element) ls.item(k);
                String id = child(l, "id");
                licences.add(id.isEmpty() ? child(l, "name") : id);
            }
            NodeList ex = c.getElementsByTagNameNS("*", "expression");
            for (int k = 0; k < ex.getLength(); k++) {
                licences.add(ex.item(k).getTextContent().strip());
            }
            lines.add(group + ":" + child(c, "name") + " " + child(c, "version") + " — "
                    + (licences.isEmpty() ? "licence not declared in its POM" : String.join(" OR ", licences)));
        }
        StringBuilder out = new StringBuilder();
        out.append("Outpost ships these libraries, each under its own licence (from the release's CycloneDX SBOM):\n\n");
        lines.forEach(l -> out.append(l).append('\n'));
        out.append("\nOutpost itself: Apache License 2.0 (LICENSE); clinical sources: NOTICE.\n");
        System.out.print(out);
    }

    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && name.equals(el.getLocalName())) {
                return el.getTextContent().strip();
            }
        }
        return "";
    }
}
