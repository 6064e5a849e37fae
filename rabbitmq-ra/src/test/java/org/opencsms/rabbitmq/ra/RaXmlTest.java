package org.opencsms.rabbitmq.ra;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** ra.xml must agree with the JavaBeans: servers set properties by the names and types declared there. */
class RaXmlTest {

    private static final Path RA_XML = Path.of("src/main/rar/META-INF/ra.xml");

    private static Document raXml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(RA_XML.toFile());
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagNameNS("*", child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    /** name to {type, default or null} of the config-property children of {@code parent}. */
    private static Map<String, String[]> configProperties(Element parent) {
        Map<String, String[]> result = new HashMap<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && "config-property".equals(e.getLocalName())) {
                result.put(text(e, "config-property-name"),
                        new String[]{text(e, "config-property-type"), text(e, "config-property-value")});
            }
        }
        return result;
    }

    private static Element only(Document d, String name) {
        NodeList nodes = d.getElementsByTagNameNS("*", name);
        assertEquals(1, nodes.getLength(), name);
        return (Element) nodes.item(0);
    }

    private static void assertMatches(Class<?> bean, Map<String, String[]> declared, Set<String> notDeclared) throws Exception {
        Object fresh = bean.getDeclaredConstructor().newInstance();
        Map<String, PropertyDescriptor> properties = Arrays.stream(Introspector.getBeanInfo(bean).getPropertyDescriptors())
                .filter(p -> p.getWriteMethod() != null && p.getReadMethod() != null)
                .filter(p -> !notDeclared.contains(p.getName()))
                .collect(Collectors.toMap(PropertyDescriptor::getName, p -> p));
        assertEquals(properties.keySet(), declared.keySet(), bean.getSimpleName() + " properties vs ra.xml");
        for (Map.Entry<String, String[]> e : declared.entrySet()) {
            PropertyDescriptor p = properties.get(e.getKey());
            assertEquals(e.getValue()[0], p.getPropertyType().getName(), "type of " + e.getKey());
            Object value = p.getReadMethod().invoke(fresh);
            String declaredDefault = e.getValue()[1];
            if (declaredDefault != null) {
                assertEquals(declaredDefault, String.valueOf(value), "default of " + e.getKey());
            }
        }
    }

    @Test
    void resourceAdapterPropertiesMatch() throws Exception {
        Document d = raXml();
        Element resourceAdapter = only(d, "resourceadapter");
        assertEquals(RabbitResourceAdapter.class.getName(), text(resourceAdapter, "resourceadapter-class"));
        assertMatches(RabbitResourceAdapter.class, configProperties(resourceAdapter), Set.of());
    }

    @Test
    void activationSpecPropertiesMatch() throws Exception {
        Document d = raXml();
        Element spec = only(d, "activationspec");
        assertEquals(RabbitActivationSpec.class.getName(), text(spec, "activationspec-class"));
        assertEquals("jakarta.jms.MessageListener", text(only(d, "messagelistener"), "messagelistener-type"));
        assertEquals("destinationName", text(only(d, "required-config-property"), "config-property-name"));
        assertMatches(RabbitActivationSpec.class, configProperties(spec), Set.of("resourceAdapter"));
    }

    @Test
    void descriptorIsConnectors21() throws Exception {
        Element connector = raXml().getDocumentElement();
        assertEquals("https://jakarta.ee/xml/ns/jakartaee", connector.getNamespaceURI());
        assertEquals("2.1", connector.getAttribute("version"));
        assertNotNull(text(connector, "vendor-name"));
    }
}
