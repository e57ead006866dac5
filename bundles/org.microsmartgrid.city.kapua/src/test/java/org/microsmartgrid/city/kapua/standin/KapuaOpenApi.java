package org.microsmartgrid.city.kapua.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.Gson;

/**
 * Kapua's own OpenAPI documents (root {@code openapi.yaml}, split files linked by relative {@code $ref}), read from
 * outside the repository: they are Kapua's, not ours, and are never committed here. Where: the system property
 * {@code kapua.openapi.dir} (the build sets it to {@code ../shared/kapua-openapi} next to the checkout), else a
 * {@code shared/kapua-openapi} folder in a parent folder of the project (a git worktree deeper down). When none is
 * there, the tests that need them are skipped with a message saying where to put them (docs/kapua.md).
 *
 * <p>The split files are bundled into one document first, each {@code $ref} resolved against the file that holds it
 * (what Kapua's own build does with swagger-cli): swagger-parser resolves some nested relative references against
 * the root folder instead, and loses those path items.
 *
 * <p>A parameter's one-element {@code allOf} is merged into its schema (same meaning; see {@link #flatten}).
 *
 * <p>Four mistakes of the documents (2.1 development) are corrected in memory, each checked against Kapua's sources
 * (a real Kapua reads and answers so): a list result's required field is {@code limitExceeded}, not
 * {@code limitedExceeded} (KapuaListResultImpl); the login's user field is {@code username}, not {@code user}
 * (UsernamePasswordCredentials#getUsername); {@code POST /{scopeId}/accessinfos} answers the created accessInfo and
 * {@code POST /{scopeId}/accessinfos/{id}/roles} the created accessRole, not lists (AccessInfos, AccessRoles).
 */
public final class KapuaOpenApi {

    private static OpenApiInteractionValidator validator;

    private final Map<Path, Object> files = new HashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();

    private KapuaOpenApi() {
    }

    /** The folder holding Kapua's {@code openapi.yaml}, or the test is skipped. */
    public static Path folder() {
        List<Path> tried = new ArrayList<>();
        String p = System.getProperty("kapua.openapi.dir");
        if (p != null) {
            Path d = Path.of(p).toAbsolutePath().normalize();
            if (Files.isRegularFile(d.resolve("openapi.yaml"))) return d;
            tried.add(d);
        }
        String root = System.getProperty("msg.root", System.getProperty("user.dir"));
        for (Path up = Path.of(root).toAbsolutePath().normalize(); up != null; up = up.getParent()) {
            Path d = up.resolve("shared").resolve("kapua-openapi");
            if (Files.isRegularFile(d.resolve("openapi.yaml"))) return d;
            tried.add(d);
        }
        Assumptions.abort("Kapua's OpenAPI documents not found (tried " + tried + "): put Kapua's "
                + "rest-api/resources/src/main/resources/openapi folder at ../shared/kapua-openapi or set "
                + "-Dkapua.openapi.dir (docs/kapua.md)");
        return null;
    }

    /** The validator for Kapua's REST API, built once. */
    public static synchronized OpenApiInteractionValidator validator() {
        if (validator == null)
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(new Gson().toJson(bundled()))
                    // Kapua's schemas are allOf compositions (entity + fields): checking additionalProperties on them
                    // refuses every entity (the validator's README, "allOf"); required fields, types, formats,
                    // patterns and enums are all checked
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
                    .build();
        return validator;
    }

    /** The whole document as one tree, every reference inlined, the known mistakes corrected. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> bundled() {
        KapuaOpenApi b = new KapuaOpenApi();
        Path root = folder().resolve("openapi.yaml");
        Map<String, Object> doc = (Map<String, Object>) b.inline(b.load(root), root);
        doc.remove("components"); // everything is inlined: the components are only the sources of the references
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        created(paths, "/{scopeId}/accessinfos", "accessInfo/accessInfo.yaml", "accessInfo", b);
        created(paths, "/{scopeId}/accessinfos/{accessInfoId}/roles", "accessInfo/accessInfo.yaml", "accessRole", b);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static void created(Map<String, Object> paths, String path, String file, String schema, KapuaOpenApi b) {
        Path f = folder().resolve(file);
        Object s = b.inline(Map.of("$ref", "#/components/schemas/" + schema), f);
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("post")).get("responses")).get("201"))
                .get("content")).get("application/json");
        json.put("schema", s);
    }

    private Object load(Path file) {
        return files.computeIfAbsent(file.normalize(), f -> {
            LoaderOptions o = new LoaderOptions();
            o.setCodePointLimit(64 * 1024 * 1024);
            try (var in = Files.newBufferedReader(f)) {
                Object tree = new Yaml(o).load(in);
                if (f.getFileName().toString().equals("openapi.yaml")) fixListResult(tree);
                if (f.getFileName().toString().equals("authentication.yaml")) fixUsername(tree);
                return tree;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void fixListResult(Object root) {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) root)
                .get("components")).get("schemas");
        Map<String, Object> list = (Map<String, Object>) schemas.get("kapuaListResult");
        List<Object> required = new ArrayList<>((List<Object>) list.get("required"));
        required.replaceAll(r -> "limitedExceeded".equals(r) ? "limitExceeded" : r);
        list.put("required", required);
    }

    @SuppressWarnings("unchecked")
    private static void fixUsername(Object tree) {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) tree)
                .get("components")).get("schemas");
        Map<String, Object> creds = (Map<String, Object>) schemas.get("usernamePasswordCredentials");
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) creds.get("allOf")).get(0);
        Map<String, Object> props = (Map<String, Object>) first.get("properties");
        Map<String, Object> renamed = new LinkedHashMap<>();
        props.forEach((k, v) -> renamed.put(k.equals("user") ? "username" : k, v));
        first.put("properties", renamed);
        first.put("required", List.of("username", "password"));
    }

    /** A copy of {@code node} with every {@code $ref} replaced by what it points to, resolved against {@code file}. */
    @SuppressWarnings("unchecked")
    private Object inline(Object node, Path file) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref instanceof String r) {
                int hash = r.indexOf('#');
                Path target = hash == 0 ? file : file.getParent().resolve(hash < 0 ? r : r.substring(0, hash)).normalize();
                String pointer = hash < 0 ? "" : r.substring(hash + 1);
                String key = target + "#" + pointer;
                if (resolving.contains(key) || resolving.size() > 40)
                    return Map.of("type", "object"); // a schema that contains itself: its inner levels unchecked
                resolving.push(key);
                try {
                    return inline(at(load(target), pointer), target);
                } finally {
                    resolving.pop();
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), inline(v, file)));
            if (copy.containsKey("in") && copy.get("schema") instanceof Map<?, ?> schema) flatten((Map<String, Object>) schema);
            return copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(inline(v, file)));
            return copy;
        }
        return node;
    }

    /**
     * A parameter's {@code allOf: [one schema]} (Kapua's ids) merged into the schema itself: the same meaning, but the
     * validator reads a parameter without a {@code type} as JSON, so {@code _} (the caller's scope) would fail.
     */
    @SuppressWarnings("unchecked")
    private static void flatten(Map<String, Object> schema) {
        if (schema.get("allOf") instanceof List<?> all && all.size() == 1 && all.get(0) instanceof Map<?, ?> one) {
            schema.remove("allOf");
            ((Map<String, Object>) one).forEach(schema::putIfAbsent);
        }
    }

    /** RFC 6901 JSON pointer into a YAML tree. */
    private static Object at(Object tree, String pointer) {
        Object n = tree;
        if (pointer.isEmpty()) return n;
        for (String part : pointer.substring(1).split("/")) {
            String key = part.replace("~1", "/").replace("~0", "~");
            n = n instanceof List<?> l ? l.get(Integer.parseInt(key)) : ((Map<?, ?>) n).get(key);
            if (n == null) throw new IllegalStateException("dangling $ref pointer " + pointer);
        }
        return n;
    }
}
