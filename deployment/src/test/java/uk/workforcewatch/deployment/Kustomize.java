package uk.workforcewatch.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for machines without kubectl: a deliberately
 * small renderer that knows the parts of kustomize these manifests use (resources, files and folders; patches,
 * strategic-merge and JSON 6902, with or without a target; images; replicas; namespace) and refuses the rest
 * loudly instead of guessing. It is stricter than kustomize in one way on purpose: a patch or a replicas entry
 * that matches nothing is an error, so a renamed resource cannot leave a patch silently doing nothing.
 * Where kubectl is installed, {@code KustomizeRendererTest} checks that both render the same objects.
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "patches",
            "images", "replicas");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService");
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling",
            "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io");
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath", "imagePullSecrets", "name");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController");

    private Kustomize() {
    }

    /** Renders with kubectl when it is on the PATH (unless {@code -Ddeployment.renderer=builtin}), else built in. */
    static List<ObjectNode> render(Path dir) {
        if (!"builtin".equals(System.getProperty("deployment.renderer")) && kubectl().isPresent()) {
            return kubectlKustomize(dir);
        }
        return build(dir);
    }

    static String rendererName() {
        return !"builtin".equals(System.getProperty("deployment.renderer")) && kubectl().isPresent()
                ? "kubectl kustomize" : "the built-in renderer";
    }

    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("kubectl", "kubectl.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static List<ObjectNode> kubectlKustomize(Path dir) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH"));
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(errors));
                }
                return objects(Yaml.readAll(new String(output, StandardCharsets.UTF_8), "kubectl kustomize " + dir),
                        "kubectl kustomize " + dir);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The built-in renderer. */
    static List<ObjectNode> build(Path dir) {
        Path file = kustomizationFile(dir);
        JsonNode kustomization = Yaml.read(file);
        for (String field : Yaml.fields(kustomization).keySet()) {
            if (!FIELDS.contains(field)) {
                throw new UnsupportedOperationException(file + ": the built-in renderer does not handle '" + field
                        + "'; install kubectl, or teach Kustomize.java what it means");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode entry : Yaml.elements(kustomization.path("resources"))) {
            String resource = entry.asText();
            if (resource.contains("://") || resource.startsWith("github.com/")) {
                throw new UnsupportedOperationException(file + ": remote resource " + resource);
            }
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else if (Files.isRegularFile(path)) {
                objects.addAll(objects(Yaml.readAll(Repository.read(path), path.toString()), path.toString()));
            } else {
                throw new IllegalStateException(file + " lists the resource " + resource + ", which does not exist");
            }
        }
        Set<String> ids = new HashSet<>();
        for (ObjectNode object : objects) {
            if (!ids.add(id(object))) {
                throw new IllegalStateException(file + ": two resources are " + id(object));
            }
        }
        for (JsonNode patch : Yaml.elements(kustomization.path("patches"))) {
            patch(dir, file, patch, objects);
        }
        for (JsonNode replicas : Yaml.elements(kustomization.path("replicas"))) {
            String name = replicas.path("name").asText();
            List<ObjectNode> matched = objects.stream().filter(o -> SCALABLE.contains(o.path("kind").asText())
                    && name.equals(o.path("metadata").path("name").asText())).toList();
            if (matched.isEmpty()) {
                throw new IllegalStateException(file + ": replicas names " + name + ", which is no Deployment here");
            }
            matched.forEach(o -> objectField(o, "spec").set("replicas", IntNode.valueOf(replicas.path("count").asInt())));
        }
        for (JsonNode image : Yaml.elements(kustomization.path("images"))) {
            int[] changed = {0};
            objects.forEach(o -> changed[0] += setImage(o, image));
            if (changed[0] == 0) {
                throw new IllegalStateException(file + ": images names " + image.path("name").asText()
                        + ", which no container uses");
            }
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.path("namespace").asText();
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asText()))
                    .forEach(o -> objectField(o, "metadata").put("namespace", namespace));
        }
        return objects;
    }

    /** Every kustomization folder under a folder (the folder itself included), for checking each one renders. */
    static List<Path> kustomizations(Path under) {
        try (var walk = Files.walk(under)) {
            return walk.filter(Files::isDirectory).filter(d -> kustomizationFileIfAny(d).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode objectField(ObjectNode object, String name) {
        if (!object.path(name).isObject()) {
            object.putObject(name);
        }
        return (ObjectNode) object.get(name);
    }

    static String id(ObjectNode object) {
        return group(object) + "/" + object.path("kind").asText() + " "
                + object.path("metadata").path("namespace").asText("") + "/" + object.path("metadata").path("name").asText();
    }

    private static Path kustomizationFile(Path dir) {
        return kustomizationFileIfAny(dir).orElseThrow(() -> new IllegalStateException(dir + " has no kustomization.yaml"));
    }

    private static Optional<Path> kustomizationFileIfAny(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return Optional.of(dir.resolve(name));
            }
        }
        return Optional.empty();
    }

    private static List<ObjectNode> objects(List<JsonNode> documents, String source) {
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode document : documents) {
            if (!document.isObject() || !document.hasNonNull("kind") || !document.path("metadata").hasNonNull("name")
                    || !document.hasNonNull("apiVersion")) {
                throw new IllegalStateException(source + ": a document without apiVersion, kind or metadata.name");
            }
            objects.add((ObjectNode) document);
        }
        return objects;
    }

    private static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    // ---- patches

    private static void patch(Path dir, Path file, JsonNode entry, List<ObjectNode> objects) {
        String text;
        String source;
        if (entry.hasNonNull("path")) {
            Path path = dir.resolve(entry.path("path").asText()).normalize();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(file + " lists the patch " + entry.path("path").asText()
                        + ", which does not exist");
            }
            text = Repository.read(path);
            source = path.toString();
        } else if (entry.hasNonNull("patch")) {
            text = entry.path("patch").asText();
            source = file + " (inline patch)";
        } else {
            throw new IllegalStateException(file + ": a patch with neither path nor patch");
        }
        if (entry.has("options")) {
            throw new UnsupportedOperationException(file + ": patch options are not handled by the built-in renderer");
        }
        List<JsonNode> documents = Yaml.readAll(text, source);
        JsonNode target = entry.path("target");
        if (documents.size() == 1 && documents.get(0).isArray()) {
            if (target.isMissingNode()) {
                throw new IllegalStateException(source + ": a JSON 6902 patch needs a target");
            }
            List<ObjectNode> matched = select(objects, target);
            if (matched.isEmpty()) {
                throw new IllegalStateException(source + ": its target " + target + " matches no resource");
            }
            for (ObjectNode object : matched) {
                replace(objects, object, json6902(object.deepCopy(), (ArrayNode) documents.get(0), source));
            }
            return;
        }
        for (JsonNode document : documents) {
            if (!document.isObject()) {
                throw new IllegalStateException(source + ": a patch is neither a list of operations nor an object");
            }
            List<ObjectNode> matched = target.isMissingNode()
                    ? objects.stream().filter(o -> sameObject(o, document)).toList()
                    : select(objects, target);
            if (matched.isEmpty()) {
                throw new IllegalStateException(source + ": patches " + document.path("kind").asText() + " "
                        + document.path("metadata").path("name").asText() + ", which is not among the resources");
            }
            for (ObjectNode object : matched) {
                ObjectNode patch = ((ObjectNode) document).deepCopy();
                if (!target.isMissingNode()) {
                    // a patch applied through a target keeps each object's own identity
                    patch.remove("apiVersion");
                    patch.remove("kind");
                    if (patch.path("metadata").isObject()) {
                        ((ObjectNode) patch.get("metadata")).remove("name");
                        ((ObjectNode) patch.get("metadata")).remove("namespace");
                    }
                }
                JsonNode merged = mergeObject(object, patch, BUILT_IN_GROUPS.contains(group(object)));
                if (merged == null) {
                    objects.remove(object);
                } else {
                    replace(objects, object, (ObjectNode) merged);
                }
            }
        }
    }

    private static void replace(List<ObjectNode> objects, ObjectNode old, ObjectNode replacement) {
        objects.set(objects.indexOf(old), replacement);
    }

    private static boolean sameObject(ObjectNode object, JsonNode patch) {
        boolean sameNamespace = !patch.path("metadata").hasNonNull("namespace") || patch.path("metadata").path("namespace")
                .asText().equals(object.path("metadata").path("namespace").asText());
        return object.path("kind").asText().equals(patch.path("kind").asText())
                && group(object).equals(group(patch)) && sameNamespace
                && object.path("metadata").path("name").asText().equals(patch.path("metadata").path("name").asText());
    }

    private static List<ObjectNode> select(List<ObjectNode> objects, JsonNode target) {
        for (String field : Yaml.fields(target).keySet()) {
            if (!Set.of("group", "version", "kind", "name", "namespace", "labelSelector").contains(field)) {
                throw new UnsupportedOperationException("the built-in renderer does not handle the target field " + field);
            }
        }
        return objects.stream().filter(o -> {
            String apiVersion = o.path("apiVersion").asText();
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            return (!target.has("group") || target.path("group").asText().equals(group(o)))
                    && (!target.has("version") || target.path("version").asText().equals(version))
                    && (!target.has("kind") || target.path("kind").asText().equals(o.path("kind").asText()))
                    && (!target.has("name") || o.path("metadata").path("name").asText().matches(target.path("name").asText()))
                    && (!target.has("namespace")
                        || target.path("namespace").asText().equals(o.path("metadata").path("namespace").asText()))
                    && (!target.has("labelSelector") || labelsMatch(o.path("metadata").path("labels"),
                        target.path("labelSelector").asText()));
        }).toList();
    }

    private static boolean labelsMatch(JsonNode labels, String selector) {
        for (String requirement : selector.split(",")) {
            String r = requirement.trim();
            if (r.contains("!=")) {
                String[] kv = r.split("!=", 2);
                if (kv[1].trim().equals(labels.path(kv[0].trim()).asText(null))) {
                    return false;
                }
            } else if (r.contains("=")) {
                String[] kv = r.split("==?", 2);
                if (!kv[1].trim().equals(labels.path(kv[0].trim()).asText(null))) {
                    return false;
                }
            } else if (r.startsWith("!")) {
                if (labels.has(r.substring(1))) {
                    return false;
                }
            } else if (!r.isEmpty() && !labels.has(r)) {
                return false;
            }
        }
        return true;
    }

    /** Strategic merge: maps merge, null removes, lists of built-in kinds merge by their key, other lists replace. */
    private static JsonNode mergeObject(ObjectNode target, ObjectNode patch, boolean builtIn) {
        String directive = patch.path("$patch").asText(null);
        if ("delete".equals(directive)) {
            return null;
        }
        if ("replace".equals(directive)) {
            return strip(patch);
        }
        if (directive != null) {
            throw new UnsupportedOperationException("the built-in renderer does not handle $patch: " + directive);
        }
        ObjectNode result = target.deepCopy();
        for (Map.Entry<String, JsonNode> field : Yaml.fields(patch).entrySet()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = result.get(name);
            if (name.startsWith("$")) {
                throw new UnsupportedOperationException("the built-in renderer does not handle " + name);
            } else if (value.isNull()) {
                result.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                JsonNode merged = mergeObject((ObjectNode) current, (ObjectNode) value, builtIn);
                if (merged == null) {
                    result.remove(name);
                } else {
                    result.set(name, merged);
                }
            } else if (value.isArray() && current != null && current.isArray()) {
                result.set(name, mergeList(name, (ArrayNode) current, (ArrayNode) value, builtIn));
            } else {
                result.set(name, strip(value));
            }
        }
        return result;
    }

    private static JsonNode mergeList(String field, ArrayNode target, ArrayNode patch, boolean builtIn) {
        String key = builtIn ? MERGE_KEYS.get(field) : null;
        if (builtIn && field.equals("ports")) {
            key = Yaml.elements(patch).stream().allMatch(p -> p.has("containerPort")) ? "containerPort" : "port";
        }
        String mergeKey = key;
        if (mergeKey == null || !Yaml.elements(patch).stream().allMatch(p -> p.isObject() && p.has(mergeKey))) {
            return strip(patch);
        }
        ArrayNode result = target.deepCopy();
        for (JsonNode element : patch) {
            int found = -1;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).path(mergeKey).equals(element.get(mergeKey))) {
                    found = i;
                }
            }
            if (found >= 0) {
                JsonNode merged = mergeObject((ObjectNode) result.get(found), (ObjectNode) element, true);
                if (merged == null) {
                    result.remove(found);
                } else {
                    result.set(found, merged);
                }
            } else if (!"delete".equals(element.path("$patch").asText(null))) {
                result.add(strip(element));
            }
        }
        return result;
    }

    private static JsonNode strip(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            ((ObjectNode) copy).remove("$patch");
            Yaml.fields(copy).forEach((name, value) -> ((ObjectNode) copy).set(name, strip(value)));
        } else if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                ((ArrayNode) copy).set(i, strip(copy.get(i)));
            }
        }
        return copy;
    }

    /** JSON patch (RFC 6902): add, replace and remove. */
    private static ObjectNode json6902(ObjectNode document, ArrayNode operations, String source) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            List<String> tokens = new ArrayList<>();
            for (String token : path.substring(1).split("/", -1)) {
                tokens.add(token.replace("~1", "/").replace("~0", "~"));
            }
            JsonNode parent = document;
            for (String token : tokens.subList(0, tokens.size() - 1)) {
                parent = parent.isArray() ? parent.path(Integer.parseInt(token)) : parent.path(token);
                if (parent.isMissingNode()) {
                    throw new IllegalStateException(source + ": " + op + " " + path + ": the path does not exist");
                }
            }
            String last = tokens.get(tokens.size() - 1);
            JsonNode value = operation.get("value");
            switch (op) {
                case "add" -> {
                    if (parent instanceof ArrayNode array) {
                        if (last.equals("-")) {
                            array.add(value.deepCopy());
                        } else {
                            array.insert(Integer.parseInt(last), value.deepCopy());
                        }
                    } else {
                        ((ObjectNode) parent).set(last, value.deepCopy());
                    }
                }
                case "replace", "remove" -> {
                    boolean exists = parent instanceof ArrayNode array
                            ? Integer.parseInt(last) < array.size() : parent.has(last);
                    if (!exists) {
                        throw new IllegalStateException(source + ": " + op + " " + path + ": nothing there");
                    }
                    if (parent instanceof ArrayNode array) {
                        if (op.equals("remove")) {
                            array.remove(Integer.parseInt(last));
                        } else {
                            array.set(Integer.parseInt(last), value.deepCopy());
                        }
                    } else if (op.equals("remove")) {
                        ((ObjectNode) parent).remove(last);
                    } else {
                        ((ObjectNode) parent).set(last, value.deepCopy());
                    }
                }
                default -> throw new UnsupportedOperationException(source + ": the built-in renderer does not handle op " + op);
            }
        }
        return document;
    }

    // ---- images

    private static int setImage(JsonNode node, JsonNode image) {
        int changed = 0;
        if (node.isObject()) {
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode container : Yaml.elements(node.path(list))) {
                    if (container.isObject() && container.hasNonNull("image")) {
                        String updated = newImage(container.path("image").asText(), image);
                        if (updated != null) {
                            ((ObjectNode) container).set("image", TextNode.valueOf(updated));
                            changed++;
                        }
                    }
                }
            }
            for (JsonNode child : node) {
                changed += setImage(child, image);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                changed += setImage(child, image);
            }
        }
        return changed;
    }

    /** The image with its name, tag or digest changed, or null when it is another image. */
    private static String newImage(String current, JsonNode image) {
        String name = current;
        String suffix = "";
        int at = name.indexOf('@');
        if (at >= 0) {
            suffix = name.substring(at);
            name = name.substring(0, at);
        } else {
            int colon = name.lastIndexOf(':');
            if (colon > name.lastIndexOf('/')) {
                suffix = name.substring(colon);
                name = name.substring(0, colon);
            }
        }
        if (!name.equals(image.path("name").asText())) {
            return null;
        }
        if (image.hasNonNull("digest")) {
            suffix = "@" + image.path("digest").asText();
        } else if (image.hasNonNull("newTag")) {
            suffix = ":" + image.path("newTag").asText();
        }
        return image.path("newName").asText(name) + suffix;
    }
}
