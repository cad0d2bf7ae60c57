package uk.workforcewatch.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.workforcewatch.deployment.ComposeFileTest.assertNoProblems;

/**
 * The kustomizations themselves: every one renders, every file it names exists and every patch lands on something
 * (checked by the built-in renderer, which is strict about it); and the built-in renderer, which the other tests
 * use where kubectl is missing, renders what kubectl renders.
 */
class KustomizeRendererTest {

    static Stream<Path> kustomizations() {
        return Kustomize.kustomizations(Repository.path("k8s")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void rendersWithEveryReferencedFilePresentAndEveryPatchLanding(Path dir) {
        List<ObjectNode> objects = Kustomize.build(dir);
        assertTrue(!objects.isEmpty(), dir + " renders nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.workforcewatch.deployment.KubernetesManifestsTest#overlays")
    void theBuiltInRendererAgreesWithKubectl(String overlay) {
        assumeTrue(Kustomize.kubectl().isPresent(), "kubectl is not installed");
        Map<String, ObjectNode> builtIn = byId(Kustomize.build(Rendering.overlayDir(overlay)));
        Map<String, ObjectNode> kubectl = byId(Kustomize.kubectlKustomize(Rendering.overlayDir(overlay)));
        assertEquals(kubectl.keySet(), builtIn.keySet(), "the same objects");
        List<String> problems = new ArrayList<>();
        kubectl.forEach((id, expected) -> {
            if (!expected.equals(builtIn.get(id))) {
                problems.add(id + "\n    kubectl:  " + expected + "\n    built-in: " + builtIn.get(id));
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void aMissingResourceOrAPatchOfNothingFails(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
        assertThrows(IllegalStateException.class, () -> Kustomize.build(dir));

        Files.writeString(dir.resolve("map.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n");
        Files.writeString(dir.resolve("patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: w\n");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - map.yaml\npatches:\n  - path: patch.yaml\n");
        assertThrows(IllegalStateException.class, () -> Kustomize.build(dir));

        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - map.yaml\npatches:\n  - path: gone.yaml\n");
        assertThrows(IllegalStateException.class, () -> Kustomize.build(dir));
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        Map<String, ObjectNode> byId = new TreeMap<>();
        objects.forEach(o -> byId.put(Kustomize.id(o), o));
        return byId;
    }
}
