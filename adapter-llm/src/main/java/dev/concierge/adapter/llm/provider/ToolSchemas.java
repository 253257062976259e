package dev.concierge.adapter.llm.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.application.port.out.ToolSpec;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the port's tool descriptions, whose arguments are a JSON Schema in a string, into langchain4j's
 * {@link ToolSpecification}s. langchain4j wants the top level as a {@link JsonObjectSchema}; each property (and each
 * definition) is passed on as a {@link JsonRawSchema}, which the providers' mappers send as written, so that no
 * keyword of a property's schema is lost in a translation.
 */
final class ToolSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most tool descriptions kept translated; the application describes the same few tools on every request. */
    private static final int MAX_KEPT = 256;
    private static final Map<ToolSpec, ToolSpecification> KEPT = new ConcurrentHashMap<>();

    private ToolSchemas() {
    }

    /**
     * @throws IllegalArgumentException when a tool's parameters are not a JSON object schema: a programming error of
     *                                  whoever described the tool
     */
    static List<ToolSpecification> toSpecifications(List<ToolSpec> tools) {
        List<ToolSpecification> specifications = new ArrayList<>(tools.size());
        for (ToolSpec tool : tools) {
            if (KEPT.size() >= MAX_KEPT) {
                KEPT.clear();
            }
            // A description that fails to translate is not kept: it fails again, every time.
            specifications.add(KEPT.computeIfAbsent(tool, ToolSchemas::toSpecification));
        }
        return specifications;
    }

    private static ToolSpecification toSpecification(ToolSpec tool) {
        return ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description())
                .parameters(objectSchema(tool))
                .build();
    }

    private static JsonObjectSchema objectSchema(ToolSpec tool) {
        JsonNode root;
        try {
            root = JSON.readTree(tool.parameters());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the parameters of tool " + tool.name() + " are not JSON", e);
        }
        if (root == null || !root.isObject() || !"object".equals(root.path("type").asText("object"))) {
            throw new IllegalArgumentException(
                    "the parameters of tool " + tool.name() + " must be a JSON Schema of type object");
        }
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder()
                .addProperties(raw(root.path("properties")));
        if (root.hasNonNull("description")) {
            schema.description(root.get("description").asText());
        }
        if (root.path("required").isArray()) {
            List<String> required = new ArrayList<>();
            root.get("required").forEach(name -> required.add(name.asText()));
            schema.required(required);
        }
        if (root.path("additionalProperties").isBoolean()) {
            schema.additionalProperties(root.get("additionalProperties").asBoolean());
        }
        JsonNode definitions = root.has("$defs") ? root.get("$defs") : root.path("definitions");
        if (definitions.isObject() && !definitions.isEmpty()) {
            schema.definitions(raw(definitions));
        }
        return schema.build();
    }

    private static Map<String, JsonSchemaElement> raw(JsonNode schemas) {
        Map<String, JsonSchemaElement> elements = new LinkedHashMap<>();
        schemas.properties().forEach(entry -> {
            if (!entry.getValue().isObject()) {
                throw new IllegalArgumentException("the schema of " + entry.getKey() + " must be a JSON object");
            }
            elements.put(entry.getKey(), JsonRawSchema.from(entry.getValue().toString()));
        });
        return elements;
    }
}
