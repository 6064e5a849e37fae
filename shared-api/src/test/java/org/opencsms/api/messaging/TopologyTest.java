package org.opencsms.api.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.opencsms.api.messaging.Topology.Delivery;
import org.opencsms.api.messaging.Topology.Format;
import org.opencsms.api.messaging.Topology.Kind;
import org.opencsms.api.messaging.Topology.Listener;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The server forms of the broker topology agree with {@link Topology}, in both directions: every entry is
 * there as declared, and nothing is there that the topology does not declare. Sizing numbers (maxSessions,
 * maxConcurrency, maxMessageDepth) are the forms' own and not compared.
 */
class TopologyTest {
    /** The repository root: surefire runs in the module directory (shared-api). */
    private static final Path ROOT = root();
    private static final Path EMBEDDED = ROOT.resolve("src/main/liberty/config/messaging-embedded.xml");
    private static final Path RABBITMQ = ROOT.resolve("src/main/liberty/config/messaging-rabbitmq.xml");
    private static final Path SERVER = ROOT.resolve("src/main/liberty/config/server.xml");
    private static final Path POST_BOOT = ROOT.resolve("payara-micro/src/main/payara/post-boot.asadmin");
    private static final Path GLASSFISH_EJB_JAR = ROOT.resolve("payara-micro/src/main/webapp/WEB-INF/glassfish-ejb-jar.xml");
    private static final Path RA_XML = ROOT.resolve("rabbitmq-ra/src/main/rar/META-INF/ra.xml");

    /** How each form writes the node id. */
    private static final String LIBERTY_NODE = "${CSMS_NODE_ID}";
    private static final String PAYARA_NODE = "${MPCONFIG=CSMS_NODE_ID}";

    /** The listeners' modules: the Maven module holding the sources and the descriptor fixing the module name. */
    private static final Map<String, String> MODULE_DIRS = Map.of("cms", "cms-ejb", "gateway", "gateway-war");
    private static final Map<String, String> MODULE_DESCRIPTORS = Map.of(
            "cms", "cms-ejb/src/main/resources/META-INF/ejb-jar.xml",
            "gateway", "gateway-war/src/main/webapp/WEB-INF/web.xml");

    private static final String RABBIT_FACTORY = "org.opencsms.rabbitmq.jndi.RabbitObjectFactory";
    private static final String RESOURCE_ADAPTER = "rabbitmq-ra";
    /** Activation properties that only size a server: they may differ between Liberty and Payara. */
    private static final Set<String> SIZING = Set.of("maxSessions", "prefetch");
    /** The activation properties our resource adapter declares, with their defaults (null: none). */
    private static final Map<String, String> RA_PROPERTIES = activationSpecProperties();

    private static Path root() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("src/main/liberty/config/messaging-embedded.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no src/main/liberty/config/messaging-embedded.xml above " + dir);
    }

    // ---------------------------------------------------------------- the declaration itself

    @Test
    void destinationsNamesTheTopologysJndiNames() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : Destinations.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && ((String) f.get(null)).startsWith("jms/") && !f.getName().equals("CONNECTION_FACTORY")) {
                constants.add((String) f.get(null));
            }
        }
        Problems p = new Problems("Destinations.java");
        p.sameSet("JNDI names of destinations", jndiNames(), constants);
        p.assertNone();
    }

    @Test
    void theTopologyIsConsistent() {
        Problems p = new Problems("Topology", "its own rules");
        p.unique("broker names", Stream.of(Topology.values()).map(Topology::brokerName).toList());
        p.unique("JNDI names", Stream.of(Topology.values()).flatMap(t -> t.jndiName().stream()).toList());
        p.unique("listener beans", Stream.of(Topology.values()).flatMap(t -> t.listener().stream())
                .map(Listener::beanName).toList());
        for (Topology t : Topology.values()) {
            boolean consumed = t.listener().isPresent();
            p.check(consumed == (t.delivery() != Delivery.NOT_CONSUMED),
                    t + ": a destination has a listener exactly when its delivery is not NOT_CONSUMED");
            p.check(!consumed || t.jndiName().isPresent(), t + ": a consumed destination needs a JNDI name");
            p.check(t.format() == Format.JMS || t.kind() == Kind.QUEUE, t + ": AMQP format only applies to queues");
        }
        p.check(Topology.DEAD_LETTERS.kind() == Kind.QUEUE, "the dead-letter destination must be a queue");
        p.assertNone();
    }

    // ---------------------------------------------------------------- Open Liberty, embedded engine

    @Test
    void embeddedEngineDeclaresTheTopology() {
        Element server = parse(EMBEDDED);
        Problems p = new Problems(EMBEDDED);

        Element engine = single(p, server, "messagingEngine");
        Map<String, Element> destinations = new LinkedHashMap<>();
        for (Element e : children(engine)) {
            if (e.getTagName().equals("queue") || e.getTagName().equals("topicSpace")) {
                destinations.put(e.getAttribute("id"), e);
            }
        }
        p.sameSet("messaging engine destinations", Stream.of(Topology.values()).map(Topology::brokerName)
                .collect(Collectors.toSet()), destinations.keySet());
        for (Topology t : Topology.values()) {
            Element d = destinations.get(t.brokerName());
            if (d == null) {
                continue;
            }
            String where = "<" + d.getTagName() + " id=\"" + t.brokerName() + "\">";
            p.equal(where + " element", t.kind() == Kind.QUEUE ? "queue" : "topicSpace", d.getTagName());
            String policy = attr(d, "failedDeliveryPolicy");
            switch (t.delivery()) {
                case ONCE -> {
                    p.equal(where + " maxRedeliveryCount (Delivery.ONCE)", "1", attr(d, "maxRedeliveryCount"));
                    p.equal(where + " exceptionDestination (Delivery.ONCE)", Topology.DEAD_LETTERS.brokerName(),
                            attr(d, "exceptionDestination"));
                    p.check(policy == null || policy.equals("SEND_TO_EXCEPTION_DESTINATION"),
                            where + " failedDeliveryPolicy must send to the exception destination (Delivery.ONCE), not "
                                    + policy);
                }
                case UNTIL_CONSUMED -> {
                    // without KEEP_TRYING the engine sends the message to _SYSTEM.Exception.Destination after
                    // maxRedeliveryCount attempts, even when no exceptionDestination is written
                    p.equal(where + " failedDeliveryPolicy (Delivery.UNTIL_CONSUMED)", "KEEP_TRYING", policy);
                    p.equal(where + " exceptionDestination (Delivery.UNTIL_CONSUMED)", null,
                            attr(d, "exceptionDestination"));
                }
                case NOT_CONSUMED -> p.equal(where + " exceptionDestination", null, attr(d, "exceptionDestination"));
            }
        }

        // the JNDI bindings: jmsQueue / jmsTopic
        Map<String, Element> bindings = new LinkedHashMap<>();
        for (Element e : children(server)) {
            if (e.getTagName().equals("jmsQueue") || e.getTagName().equals("jmsTopic")) {
                bindings.put(e.getAttribute("jndiName"), e);
            }
        }
        p.sameSet("jmsQueue/jmsTopic JNDI names", jndiNames(), bindings.keySet());
        for (Topology t : Topology.values()) {
            Element b = t.jndiName().map(bindings::get).orElse(null);
            if (b == null) {
                continue;
            }
            String where = "<" + b.getTagName() + " jndiName=\"" + b.getAttribute("jndiName") + "\">";
            Element props = single(p, b, "properties.wasJms");
            if (t.kind() == Kind.QUEUE) {
                p.equal(where + " element", "jmsQueue", b.getTagName());
                p.equal(where + " queueName", t.brokerName(), attr(props, "queueName"));
            } else {
                p.equal(where + " element", "jmsTopic", b.getTagName());
                p.equal(where + " topicSpace", t.brokerName(), attr(props, "topicSpace"));
                p.check(attr(props, "topicName") != null, where + " needs a topicName");
            }
        }

        // the listeners: jmsActivationSpec
        Map<String, Element> specs = byAttribute(server, "jmsActivationSpec", "id");
        p.sameSet("jmsActivationSpec ids", activationSpecIds(), specs.keySet());
        Map<String, Element> bindingsById = new LinkedHashMap<>();
        bindings.values().forEach(b -> bindingsById.put(b.getAttribute("id"), b));
        for (Topology t : consumed()) {
            Element spec = specs.get(t.listener().orElseThrow().activationSpecId());
            if (spec == null) {
                continue;
            }
            String where = "<jmsActivationSpec id=\"" + spec.getAttribute("id") + "\">";
            Element props = single(p, spec, "properties.wasJms");
            Element target = bindingsById.get(attr(props, "destinationRef"));
            p.equal(where + " destinationRef's JNDI name", t.jndiName().orElseThrow(),
                    target == null ? "(no jmsQueue/jmsTopic with id " + attr(props, "destinationRef") + ")"
                            : target.getAttribute("jndiName"));
            p.equal(where + " destinationType", t.kind().jmsType(), attr(props, "destinationType"));
            p.equal(where + " messageSelector", t.selector(LIBERTY_NODE).orElse(null), attr(props, "messageSelector"));
        }
        p.assertNone();
    }

    // ---------------------------------------------------------------- Open Liberty with RabbitMQ

    @Test
    void libertyRabbitMqFormDeclaresTheTopology() {
        Element server = parse(RABBITMQ);
        Problems p = new Problems(RABBITMQ);

        Map<String, Element> factories = byAttribute(server, "jndiObjectFactory", "id");
        Map<String, Element> entries = byAttribute(server, "jndiReferenceEntry", "jndiName");
        entries.remove(Destinations.CONNECTION_FACTORY);
        p.sameSet("jndiReferenceEntry JNDI names (besides the connection factory)", jndiNames(), entries.keySet());
        for (Topology t : Topology.values()) {
            Element e = t.jndiName().map(entries::get).orElse(null);
            if (e == null) {
                continue;
            }
            String where = "<jndiReferenceEntry jndiName=\"" + e.getAttribute("jndiName") + "\">";
            Element factory = factories.get(e.getAttribute("factoryRef"));
            p.check(factory != null, where + " factoryRef " + e.getAttribute("factoryRef") + " names no jndiObjectFactory");
            if (factory != null) {
                p.equal(where + " object class (factoryRef " + e.getAttribute("factoryRef") + ")", t.kind().jmsType(),
                        attr(factory, "objectClassName"));
                p.equal(where + " factory class", RABBIT_FACTORY, attr(factory, "className"));
            }
            p.equal(where + " destinationName", t.brokerName(LIBERTY_NODE),
                    attr(single(p, e, "properties"), "destinationName"));
        }

        Map<String, Element> specs = byAttribute(server, "jmsActivationSpec", "id");
        p.sameSet("jmsActivationSpec ids", activationSpecIds(), specs.keySet());
        for (Topology t : consumed()) {
            Element spec = specs.get(t.listener().orElseThrow().activationSpecId());
            if (spec != null) {
                checkRabbitActivation(p, "<jmsActivationSpec id=\"" + spec.getAttribute("id") + "\">", t,
                        attributes(single(p, spec, "properties.csms.rabbitmq-ra")), LIBERTY_NODE);
            }
        }
        p.assertNone();
    }

    // ---------------------------------------------------------------- Payara Micro with RabbitMQ

    @Test
    void payaraResourcesBindTheTopology() throws IOException {
        Problems p = new Problems(POST_BOOT);
        Map<String, Map<String, String>> resources = new LinkedHashMap<>();
        for (String line : Files.readAllLines(POST_BOOT)) {
            List<String> words = words(line.strip());
            if (words.isEmpty() || !words.get(0).equals("create-custom-resource")) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 1; i + 1 < words.size(); i++) {
                if (words.get(i).startsWith("--")) {
                    options.put(words.get(i).substring(2), words.get(++i));
                }
            }
            String name = words.get(words.size() - 1);
            if (name.startsWith("jms/") && !name.equals(Destinations.CONNECTION_FACTORY)) {
                p.check(resources.put(name, options) == null, name + " is created twice");
            }
        }
        p.sameSet("create-custom-resource JNDI names (besides the connection factory)", jndiNames(), resources.keySet());
        for (Topology t : Topology.values()) {
            Map<String, String> options = t.jndiName().map(resources::get).orElse(null);
            if (options == null) {
                continue;
            }
            String where = "create-custom-resource ... " + t.jndiName().orElseThrow();
            p.equal(where + " --restype", t.kind().jmsType(), options.get("restype"));
            p.equal(where + " --factoryclass", RABBIT_FACTORY, options.get("factoryclass"));
            p.equal(where + " destinationName", t.brokerName(PAYARA_NODE),
                    properties(options.getOrDefault("property", "")).get("destinationName"));
        }
        p.assertNone();
    }

    @Test
    void payaraActivationsDeclareTheTopology() {
        Problems p = new Problems(GLASSFISH_EJB_JAR);
        Map<String, Map<String, String>> activations = payaraActivations(p);
        p.sameSet("message-driven beans bound to " + RESOURCE_ADAPTER, consumed().stream()
                .map(t -> t.listener().orElseThrow().beanName()).collect(Collectors.toSet()), activations.keySet());
        for (Topology t : consumed()) {
            String bean = t.listener().orElseThrow().beanName();
            if (activations.containsKey(bean)) {
                checkRabbitActivation(p, "<ejb-name>" + bean + "</ejb-name>", t, activations.get(bean), PAYARA_NODE);
            }
        }
        p.assertNone();
    }

    /** Both RabbitMQ forms use one resource adapter: the same properties, but for how big a server is. */
    @Test
    void bothRabbitMqFormsSetTheSameActivationProperties() {
        Problems p = new Problems(GLASSFISH_EJB_JAR, RABBITMQ);
        Map<String, Element> specs = byAttribute(parse(RABBITMQ), "jmsActivationSpec", "id");
        Map<String, Map<String, String>> payara = payaraActivations(p);
        for (Topology t : consumed()) {
            Listener l = t.listener().orElseThrow();
            Element spec = specs.get(l.activationSpecId());
            Map<String, String> onPayara = payara.get(l.beanName());
            if (spec == null || onPayara == null) {
                continue; // reported by the tests of each form
            }
            Map<String, String> onLiberty = new LinkedHashMap<>();
            attributes(single(p, spec, "properties.csms.rabbitmq-ra"))
                    .forEach((k, v) -> onLiberty.put(k, v.replace(LIBERTY_NODE, PAYARA_NODE)));
            p.sameSet(l.beanName() + " activation property names", onLiberty.keySet(), onPayara.keySet());
            for (String name : onLiberty.keySet()) {
                if (!SIZING.contains(name) && onPayara.containsKey(name)) {
                    p.equal(l.beanName() + " " + name, onLiberty.get(name), onPayara.get(name));
                }
            }
        }
        p.assertNone();
    }

    @Test
    void theResourceAdapterDeadLettersToTheTopologysQueue() {
        Problems p = new Problems(RA_XML);
        p.equal("activationspec deadLetterQueue default", Topology.DEAD_LETTERS.brokerName(),
                RA_PROPERTIES.get("deadLetterQueue"));
        p.assertNone();
    }

    // ---------------------------------------------------------------- the beans

    @Test
    void theListenersAreTheTopologysBeans() throws IOException {
        Problems p = new Problems("The message-driven beans");
        p.equal(ROOT.relativize(SERVER) + " enterpriseApplication name", Listener.APPLICATION,
                attr(single(p, parse(SERVER), "enterpriseApplication"), "name"));
        Set<String> declared = new TreeSet<>();
        for (Topology t : consumed()) {
            Listener l = t.listener().orElseThrow();
            declared.add(l.beanClass());
            String dir = MODULE_DIRS.get(l.module());
            if (dir == null) {
                p.check(false, t + ": unknown module " + l.module() + " (TopologyTest.MODULE_DIRS)");
                continue;
            }
            Path descriptor = ROOT.resolve(MODULE_DESCRIPTORS.get(l.module()));
            p.equal(ROOT.relativize(descriptor) + " module-name", l.module(), text(single(p, parse(descriptor), "module-name")));
            Path source = ROOT.resolve(dir + "/src/main/java/" + l.beanClass().replace('.', '/') + ".java");
            if (!Files.isRegularFile(source)) {
                p.check(false, t + ": no bean class " + ROOT.relativize(source));
                continue;
            }
            Matcher type = Pattern.compile("propertyName\\s*=\\s*\"destinationType\"\\s*,\\s*propertyValue\\s*=\\s*\"([^\"]*)\"")
                    .matcher(Files.readString(source));
            p.equal(ROOT.relativize(source) + " @MessageDriven destinationType", t.kind().jmsType(), type.find() ? type.group(1) : null);
        }
        Set<String> found = new TreeSet<>();
        Pattern messageDriven = Pattern.compile("^@MessageDriven\\b", Pattern.MULTILINE);
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path sources : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        if (messageDriven.matcher(Files.readString(f)).find()) {
                            String name = sources.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                            found.add(name.substring(0, name.length() - ".java".length()));
                        }
                    }
                }
            }
        }
        p.sameSet("@MessageDriven classes", declared, found);
        p.assertNone();
    }

    // ---------------------------------------------------------------- checks shared by both RabbitMQ forms

    private static void checkRabbitActivation(Problems p, String where, Topology t, Map<String, String> props, String node) {
        for (String name : props.keySet()) {
            p.check(RA_PROPERTIES.containsKey(name), where + " sets " + name + ", which " + RA_XML.getFileName()
                    + " does not declare");
        }
        p.equal(where + " destinationName", t.brokerName(node), props.get("destinationName"));
        p.equal(where + " destinationType", t.kind().jmsType(), props.get("destinationType"));
        p.equal(where + " messageSelector", t.selector(node).orElse(null), props.get("messageSelector"));
        p.equal(where + " subscriptionName", t.subscriptionName(node).orElse(null), props.get("subscriptionName"));
        String maxDeliveries = switch (t.delivery()) {
            case ONCE -> "1";
            case UNTIL_CONSUMED -> String.valueOf(Integer.MAX_VALUE);
            case NOT_CONSUMED -> throw new AssertionError(t + " has a listener");
        };
        p.equal(where + " maxDeliveries (Delivery." + t.delivery() + ")", maxDeliveries, props.get("maxDeliveries"));
        p.equal(where + " messageFormat", t.format().value(),
                props.getOrDefault("messageFormat", RA_PROPERTIES.get("messageFormat")));
        p.equal(where + " deadLetterQueue", Topology.DEAD_LETTERS.brokerName(),
                props.getOrDefault("deadLetterQueue", RA_PROPERTIES.get("deadLetterQueue")));
    }

    private static Map<String, String> activationSpecProperties() {
        List<Element> specs = descendants(parse(RA_XML), "activationspec");
        if (specs.size() != 1) {
            throw new AssertionError(RA_XML + " should declare one activationspec, not " + specs.size());
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Element property : descendants(specs.get(0), "config-property")) {
            List<Element> value = descendants(property, "config-property-value");
            defaults.put(text(descendants(property, "config-property-name").get(0)),
                    value.isEmpty() ? null : text(value.get(0)));
        }
        return defaults;
    }

    /** ejb-name to activation properties, of the beans bound to our resource adapter. */
    private static Map<String, Map<String, String>> payaraActivations(Problems p) {
        Map<String, Map<String, String>> activations = new LinkedHashMap<>();
        for (Element ejb : descendants(parse(GLASSFISH_EJB_JAR), "ejb")) {
            List<Element> adapters = descendants(ejb, "mdb-resource-adapter");
            if (adapters.isEmpty()) {
                continue;
            }
            String bean = text(single(p, ejb, "ejb-name"));
            p.equal("<ejb-name>" + bean + "</ejb-name> resource-adapter-mid", RESOURCE_ADAPTER,
                    text(descendants(adapters.get(0), "resource-adapter-mid").get(0)));
            Map<String, String> props = new LinkedHashMap<>();
            for (Element property : descendants(ejb, "activation-config-property")) {
                String name = text(descendants(property, "activation-config-property-name").get(0));
                p.check(props.put(name, text(descendants(property, "activation-config-property-value").get(0))) == null,
                        "<ejb-name>" + bean + "</ejb-name> sets " + name + " twice");
            }
            activations.put(bean, props);
        }
        return activations;
    }

    // ---------------------------------------------------------------- the topology's views

    private static Set<String> jndiNames() {
        return Stream.of(Topology.values()).flatMap(t -> t.jndiName().stream()).collect(Collectors.toSet());
    }

    private static List<Topology> consumed() {
        return Stream.of(Topology.values()).filter(t -> t.listener().isPresent()).toList();
    }

    private static Set<String> activationSpecIds() {
        return consumed().stream().map(t -> t.listener().orElseThrow().activationSpecId()).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- reading the files

    private static Element parse(Path file) {
        assertTrue(Files.isRegularFile(file), "missing " + file);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setValidating(false);
            factory.setNamespaceAware(false);
            // glassfish-ejb-jar.xml names a DTD on the web: never fetch it
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(file.toFile());
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + file + ": " + e, e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    private static List<Element> descendants(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        var nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    /** The one child element named {@code tag}; a problem (and an empty element) when there is not exactly one. */
    private static Element single(Problems p, Element parent, String tag) {
        List<Element> found = children(parent).stream().filter(e -> e.getTagName().equals(tag)).toList();
        p.check(found.size() == 1, "<" + parent.getTagName() + describe(parent) + "> needs exactly one <" + tag
                + ">, has " + found.size());
        return found.isEmpty() ? parent.getOwnerDocument().createElement(tag) : found.get(0);
    }

    private static String describe(Element e) {
        for (String key : List.of("id", "jndiName")) {
            if (e.hasAttribute(key)) {
                return " " + key + "=\"" + e.getAttribute(key) + "\"";
            }
        }
        return "";
    }

    private static Map<String, Element> byAttribute(Element parent, String tag, String key) {
        Map<String, Element> map = new LinkedHashMap<>();
        children(parent).stream().filter(e -> e.getTagName().equals(tag))
                .forEach(e -> map.put(e.getAttribute(key), e));
        return map;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> map = new LinkedHashMap<>();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            map.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
        }
        return map;
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }

    /** An asadmin line's words: split at blanks outside double quotes (the quotes are kept). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        if (line.startsWith("#")) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (Character.isWhitespace(c) && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** An asadmin {@code --property} list: name=value pairs split at ':' outside double quotes. */
    static Map<String, String> properties(String list) {
        Map<String, String> map = new LinkedHashMap<>();
        StringBuilder pair = new StringBuilder();
        boolean quoted = false;
        for (char c : (list + ":").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                int eq = pair.indexOf("=");
                if (eq > 0) {
                    map.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                pair.setLength(0);
            } else {
                pair.append(c);
            }
        }
        return map;
    }

    /** Collects every disagreement of one form, so that one run shows them all. */
    private static final class Problems {
        private final String form;
        private final String reference;
        private final List<String> problems = new ArrayList<>();

        Problems(Object form) {
            this(form, "Topology");
        }

        /** Problems of {@code form} compared with {@code reference}. */
        Problems(Object form, Object reference) {
            this.form = name(form);
            this.reference = name(reference);
        }

        private static String name(Object o) {
            return String.valueOf(o instanceof Path path ? ROOT.relativize(path) : o);
        }

        void check(boolean ok, String problem) {
            if (!ok) {
                problems.add(problem);
            }
        }

        void equal(String what, String expected, String actual) {
            check(Objects.equals(expected, actual), what + ": " + reference + " says " + quote(expected) + ", found "
                    + quote(actual));
        }

        <T extends Comparable<T>> void sameSet(String what, Set<T> expected, Set<T> actual) {
            Set<T> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<T> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            check(missing.isEmpty(), what + ": missing " + missing + " (in " + reference + ")");
            check(extra.isEmpty(), what + ": " + extra + " not in " + reference);
        }

        void unique(String what, List<String> values) {
            Map<String, Long> counts = values.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            counts.forEach((value, count) -> check(count == 1, what + ": " + value + " appears " + count + " times"));
        }

        void assertNone() {
            if (!problems.isEmpty()) {
                fail(form + " disagrees with " + reference + ":\n  " + String.join("\n  ", problems));
            }
        }

        private static String quote(String s) {
            return s == null ? "(none)" : "'" + s + "'";
        }
    }
}
