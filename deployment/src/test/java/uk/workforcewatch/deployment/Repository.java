package uk.workforcewatch.deployment;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The checkout these tests read: its root, and the services its root pom builds. */
final class Repository {

    private static Path root;
    private static List<ServiceModule> services;

    private Repository() {
    }

    /** The folder of the root pom: the nearest one above this module holding {@code mvnw} and a pom with modules. */
    static synchronized Path root() {
        if (root == null) {
            Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("mvnw")) && !modulesOf(dir.resolve("pom.xml")).isEmpty()) {
                    root = dir;
                    break;
                }
            }
            if (root == null) {
                throw new IllegalStateException("no root pom with modules above " + start);
            }
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /**
     * Every module of the root pom that is a service: one whose {@code src/main/resources/application.properties}
     * names a {@code quarkus.application.name}. A service added to the pom is found here, so the tests then ask
     * that docker-compose.yml and k8s/ have it too.
     */
    static synchronized List<ServiceModule> services() {
        if (services == null) {
            List<ServiceModule> found = new ArrayList<>();
            for (String module : modulesOf(root().resolve("pom.xml"))) {
                Path dir = root().resolve(module).normalize();
                Path properties = dir.resolve("src/main/resources/application.properties");
                if (!Files.isRegularFile(properties)) {
                    continue;
                }
                Properties loaded = load(properties);
                if (loaded.getProperty("quarkus.application.name") != null) {
                    found.add(new ServiceModule(dir.getFileName().toString(), dir, loaded));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("the root pom lists no module with a quarkus.application.name");
            }
            services = List.copyOf(found);
        }
        return services;
    }

    static ServiceModule service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no service module " + name));
    }

    static List<String> modulesOf(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return List.of();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            List<String> modules = new ArrayList<>();
            NodeList children = project.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element element && element.getTagName().equals("modules")) {
                    NodeList entries = element.getElementsByTagName("module");
                    for (int j = 0; j < entries.getLength(); j++) {
                        modules.add(entries.item(j).getTextContent().trim());
                    }
                }
            }
            return modules;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return properties;
    }
}
